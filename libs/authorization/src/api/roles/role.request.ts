import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Omittable } from '#platform';
import { RBAC_KEY_PATTERN } from '../../domain/keys.js';
import { PermissionDto } from '../permission.dto.js';

const MAX_ROLE_PERMISSIONS = 1000;

export class CreateRoleRequest {
  @ApiProperty({ example: 'report-viewer', pattern: RBAC_KEY_PATTERN.source, description: 'Unique in the application, immutable.' })
  @IsString()
  @Matches(RBAC_KEY_PATTERN, { message: 'key must be 2-64 lower-case letters and digits in segments joined by ".", "-" or "_", starting with a letter' })
  key!: string;

  @ApiProperty({ example: 'Report viewer', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ example: 'Reads the advanced reports.', maxLength: 500 })
  @Omittable()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({ type: [PermissionDto], maxItems: MAX_ROLE_PERMISSIONS, description: 'Each must be declared by the active feature manifest.' })
  @IsArray()
  @ArrayMaxSize(MAX_ROLE_PERMISSIONS)
  @ValidateNested({ each: true })
  @Type(() => PermissionDto)
  permissions!: PermissionDto[];
}

export class UpdateRoleRequest {
  @ApiPropertyOptional({ example: 'Report reader', minLength: 1, maxLength: 100 })
  @Omittable()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ example: 'Reads and exports the advanced reports.', maxLength: 500 })
  @Omittable()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ type: [PermissionDto], maxItems: MAX_ROLE_PERMISSIONS, description: 'Replaces the whole set when given.' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_ROLE_PERMISSIONS)
  @ValidateNested({ each: true })
  @Type(() => PermissionDto)
  permissions?: PermissionDto[];
}

export class AssignRoleRequest {
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e30', format: 'uuid' })
  @IsUUID()
  roleId!: string;
}
