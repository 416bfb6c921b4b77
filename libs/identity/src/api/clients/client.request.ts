import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, Length, MaxLength } from 'class-validator';
import { Omittable } from '#platform';
import { CLIENT_TYPES, type ClientType } from '../../domain/client/client-type.js';

class ClientSettingsRequest {
  @ApiPropertyOptional({
    example: ['https://orders.example.com/callback'],
    description: 'Exact redirect URIs (https, or http on loopback). InteractiveWeb only.',
    type: [String],
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  redirectUris?: string[];

  @ApiPropertyOptional({ example: ['https://orders.example.com/'], type: [String] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  postLogoutRedirectUris?: string[];

  @ApiPropertyOptional({
    example: ['openid', 'profile', 'email', 'tenant_context', 'nexidentity.api'],
    description: 'Scopes the client may be granted; defaults per type.',
    type: [String],
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  scopes?: string[];

  @ApiPropertyOptional({ example: false, description: 'Show a consent page before issuing tokens.' })
  @Omittable()
  @IsBoolean()
  requireConsent?: boolean;
}

export class UpdateClientRequest extends ClientSettingsRequest {
  @ApiPropertyOptional({ example: 'Orders web app', minLength: 1, maxLength: 100 })
  @Omittable()
  @IsString()
  @Length(1, 100)
  name?: string;
}

export class CreateClientRequest extends ClientSettingsRequest {
  @ApiProperty({ enum: CLIENT_TYPES, example: 'InteractiveWeb' })
  @IsIn(CLIENT_TYPES)
  type!: ClientType;

  @ApiProperty({ example: 'Orders web app', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;
}
