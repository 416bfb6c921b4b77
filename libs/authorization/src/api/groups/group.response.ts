import { ApiProperty } from '@nestjs/swagger';
import { NextCursor } from '#platform';
import { UUID_EXAMPLE } from '../permission.dto.js';

export class GroupResponse {
  @ApiProperty(UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e50'))
  id!: string;

  @ApiProperty(UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e11'))
  organizationId!: string;

  @ApiProperty({ example: 'finance' })
  key!: string;

  @ApiProperty({ example: 'Finance team' })
  name!: string;

  @ApiProperty({ example: 'Everyone who approves invoices.' })
  description!: string;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  updatedAt!: string;
}

export class GroupListResponse {
  @ApiProperty({ type: [GroupResponse] })
  items!: GroupResponse[];

  @NextCursor()
  nextCursor!: string | null;
}

export class GroupMemberResponse {
  @ApiProperty(UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e12'))
  membershipId!: string;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  addedAt!: string;
}

export class GroupMemberListResponse {
  @ApiProperty({ type: [GroupMemberResponse] })
  items!: GroupMemberResponse[];

  @NextCursor()
  nextCursor!: string | null;
}
