import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Omittable } from '#platform';
import { POLICY_EFFECTS, POLICY_SUBJECT_TYPES, type PolicyEffect, type PolicySubjectType } from '../../domain/access/access-model.js';
import { MAX_RESOURCE_PATTERN_LENGTH } from '../../domain/access/resource-pattern.js';
import { PermissionDto } from '../permission.dto.js';

export const RESOURCE_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9._:-]{0,63}$/;

export class CreateResourcePolicyRequest extends PermissionDto {
  @ApiProperty({ enum: POLICY_SUBJECT_TYPES, example: 'group', description: 'Who the policy is for: one membership, a security group, or the whole organization.' })
  @IsIn(POLICY_SUBJECT_TYPES)
  subjectType!: PolicySubjectType;

  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e50', format: 'uuid', description: 'Id of the membership, group or organization (in the application’s organization).' })
  @IsUUID()
  subjectId!: string;

  @ApiProperty({ example: 'report', pattern: RESOURCE_TYPE_PATTERN.source })
  @IsString()
  @Matches(RESOURCE_TYPE_PATTERN, { message: 'resourceType must be 1-64 letters, digits, ".", "_", ":" or "-", starting with a letter' })
  resourceType!: string;

  @ApiProperty({ example: 'eu-*', maxLength: MAX_RESOURCE_PATTERN_LENGTH, description: 'A resource id, or a glob where `*` matches any run of characters.' })
  @IsString()
  @Length(1, MAX_RESOURCE_PATTERN_LENGTH)
  resourcePattern!: string;

  @ApiProperty({ enum: POLICY_EFFECTS, example: 'allow', description: 'Deny wins; allow policies restrict the permission to the resources they match.' })
  @IsIn(POLICY_EFFECTS)
  effect!: PolicyEffect;

  @ApiPropertyOptional({ example: 'EU analysts see EU reports only.', maxLength: 500 })
  @Omittable()
  @IsString()
  @MaxLength(500)
  description?: string;
}
