import { ApiProperty } from '@nestjs/swagger';
import { NextCursor } from '#platform';
import { POLICY_EFFECTS, POLICY_SUBJECT_TYPES } from '../../domain/access/access-model.js';
import type { Page } from '../../domain/keys.js';
import type { ResourcePolicyRecord } from '../../domain/policy/resource-policy.js';
import { UUID_EXAMPLE } from '../permission.dto.js';

export class ResourcePolicyResponse {
  @ApiProperty(UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e70'))
  id!: string;

  @ApiProperty(UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e20'))
  applicationId!: string;

  @ApiProperty(UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e11'))
  organizationId!: string;

  @ApiProperty({ enum: POLICY_SUBJECT_TYPES, example: 'group' })
  subjectType!: string;

  @ApiProperty(UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e50'))
  subjectId!: string;

  @ApiProperty({ example: 'reports.advanced' })
  featureKey!: string;

  @ApiProperty({ example: 'view' })
  actionKey!: string;

  @ApiProperty({ example: 'report' })
  resourceType!: string;

  @ApiProperty({ example: 'eu-*' })
  resourcePattern!: string;

  @ApiProperty({ enum: POLICY_EFFECTS, example: 'allow' })
  effect!: string;

  @ApiProperty({ example: 'EU analysts see EU reports only.' })
  description!: string;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  createdAt!: string;
}

export class ResourcePolicyListResponse {
  @ApiProperty({ type: [ResourcePolicyResponse] })
  items!: ResourcePolicyResponse[];

  @NextCursor()
  nextCursor!: string | null;
}

export const toPolicyResponse = ({ tenantId: _tenantId, createdAt, ...policy }: ResourcePolicyRecord): ResourcePolicyResponse => ({
  ...policy,
  createdAt: createdAt.toISOString(),
});

export const toPolicyList = (page: Page<ResourcePolicyRecord>): ResourcePolicyListResponse => ({ items: page.items.map(toPolicyResponse), nextCursor: page.nextCursor });
