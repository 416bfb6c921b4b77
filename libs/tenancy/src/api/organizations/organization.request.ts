import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { ORGANIZATION_NAME_MAX } from '../../domain/organization/organization.js';
import { NOT_BLANK } from '../validators.js';

export class UpdateOrganizationRequest {
  @ApiProperty({ example: 'Acme Europe', minLength: 1, maxLength: ORGANIZATION_NAME_MAX, description: 'Unique in the tenant, whatever the case.' })
  @IsString()
  @Length(1, ORGANIZATION_NAME_MAX)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;
}

export class CreateOrganizationRequest extends UpdateOrganizationRequest {}
