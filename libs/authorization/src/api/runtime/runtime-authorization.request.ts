import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { Omittable } from '#platform';
import { PermissionDto } from '../permission.dto.js';
import { RESOURCE_TYPE_PATTERN } from '../resource-policies/resource-policy.request.js';

/** The most permissions one check may ask about. */
export const MAX_CHECK_PERMISSIONS = 100;

export class ResourceDto {
  @ApiProperty({ example: 'report', pattern: RESOURCE_TYPE_PATTERN.source })
  @IsString()
  @Matches(RESOURCE_TYPE_PATTERN, { message: 'resource.type must be 1-64 letters, digits, ".", "_", ":" or "-", starting with a letter' })
  type!: string;

  @ApiProperty({ example: 'eu-2026-q1', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  id!: string;
}

export class CheckAuthorizationRequest {
  @ApiProperty({ type: [PermissionDto], minItems: 1, maxItems: MAX_CHECK_PERMISSIONS, example: [{ featureKey: 'reports.advanced', actionKey: 'view' }] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CHECK_PERMISSIONS)
  @ValidateNested({ each: true })
  @Type(() => PermissionDto)
  permissions!: PermissionDto[];

  @ApiPropertyOptional({ type: ResourceDto, description: 'Narrows the check to one resource (resource policies apply).' })
  @Omittable()
  @ValidateNested()
  @Type(() => ResourceDto)
  resource?: ResourceDto;

  @ApiPropertyOptional({
    example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e12',
    format: 'uuid',
    description: 'Ask on behalf of this membership of your tenant (service tokens with nexidentity.runtime_authorization). Defaults to the token’s own membership.',
  })
  @Omittable()
  @IsUUID()
  membershipId?: string;
}

export class SnapshotRequest {
  @ApiPropertyOptional({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e12', format: 'uuid', description: 'On behalf of this membership (services with nexidentity.runtime_authorization).' })
  @IsOptional()
  @IsUUID()
  membershipId?: string;
}

export class CheckScopedRequest extends CheckAuthorizationRequest {
  @ApiPropertyOptional({
    example: 'reports.advanced',
    description: 'The feature whose license is required; the server resolves which editions unlock it. Give this or (legacy) `entitlementId`.',
  })
  licensedFeatureKey?: string;

  @ApiPropertyOptional({
    example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e80',
    format: 'uuid',
    description: 'Legacy form: the license is satisfied when this entitlement is active, valid now, and the membership holds one of its seats.',
  })
  entitlementId?: string;
}
