import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLIENT_TYPES, type ClientType } from '../../domain/client/client-type.js';

export class ClientResponse {
  @ApiProperty({ example: 'web_Yk3v9Q2mXbZt1c8RwLpA4g' })
  clientId!: string;

  @ApiProperty({ format: 'uuid', example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10' })
  applicationId!: string;

  @ApiProperty({ format: 'uuid', example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e0f' })
  organizationId!: string;

  @ApiProperty({ enum: CLIENT_TYPES, example: 'InteractiveWeb' })
  type!: ClientType;

  @ApiProperty({ example: 'Orders web app' })
  name!: string;

  @ApiProperty({ enum: ['active', 'disabled'], example: 'active' })
  status!: 'active' | 'disabled';

  @ApiProperty({ type: [String], example: ['https://orders.example.com/callback'] })
  redirectUris!: string[];

  @ApiProperty({ type: [String], example: ['https://orders.example.com/'] })
  postLogoutRedirectUris!: string[];

  @ApiProperty({ type: [String], example: ['openid', 'profile', 'email', 'tenant_context', 'nexidentity.api'] })
  scopes!: string[];

  @ApiProperty({ example: false })
  requireConsent!: boolean;

  @ApiProperty({ example: false, description: 'Whether the client authenticates with a secret.' })
  hasSecret!: boolean;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: null })
  secretRotatedAt!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-22T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-22T10:00:00.000Z' })
  updatedAt!: string;
}

export class ClientWithSecretResponse extends ClientResponse {
  @ApiPropertyOptional({
    example: 'nxs_q8Jd2N0x7bW9f3Lk1mZr5tYv6uA4sC2eH8gJ0kP1oQ',
    description: 'Shown only in this answer, only for Automation and ManifestPublisher clients. Store it now.',
  })
  clientSecret?: string;
}

export class ClientListResponse {
  @ApiProperty({ type: [ClientResponse] })
  items!: ClientResponse[];
}
