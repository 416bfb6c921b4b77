import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { NOT_BLANK } from '../validators.js';

export class UpdateOrganizationRequest {
  @ApiProperty({ example: 'Acme Europe', minLength: 1, maxLength: 100, description: 'Unique in the tenant, whatever the case.' })
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;
}

export class CreateOrganizationRequest extends UpdateOrganizationRequest {}
