import { ApiProperty } from '@nestjs/swagger';
import { NextCursor } from '#platform';
import type { DirectGrantRecord } from '../../domain/grant/direct-grant.js';
import type { Page } from '../../domain/keys.js';
import { UUID_EXAMPLE } from '../permission.dto.js';

export class GrantResponse {
  @ApiProperty(UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e60'))
  id!: string;

  @ApiProperty(UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e12'))
  membershipId!: string;

  @ApiProperty(UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e20'))
  applicationId!: string;

  @ApiProperty({ example: 'reports.advanced' })
  featureKey!: string;

  @ApiProperty({ example: 'export' })
  actionKey!: string;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  createdAt!: string;
}

export class GrantListResponse {
  @ApiProperty({ type: [GrantResponse] })
  items!: GrantResponse[];

  @NextCursor()
  nextCursor!: string | null;
}

export const toGrantResponse = (grant: DirectGrantRecord): GrantResponse => ({
  id: grant.id,
  membershipId: grant.membershipId,
  applicationId: grant.applicationId,
  featureKey: grant.featureKey,
  actionKey: grant.actionKey,
  createdAt: grant.createdAt.toISOString(),
});

export const toGrantList = (page: Page<DirectGrantRecord>): GrantListResponse => ({ items: page.items.map(toGrantResponse), nextCursor: page.nextCursor });
