import { ApiProperty } from '@nestjs/swagger';
import { NextCursor } from '#platform';
import { PermissionDto, UUID_EXAMPLE } from '../permission.dto.js';

export class RoleResponse {
  @ApiProperty(UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e30'))
  id!: string;

  @ApiProperty(UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e11'))
  organizationId!: string;

  @ApiProperty(UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e20'))
  applicationId!: string;

  @ApiProperty({ example: 'report-viewer' })
  key!: string;

  @ApiProperty({ example: 'Report viewer' })
  name!: string;

  @ApiProperty({ example: 'Reads the advanced reports.' })
  description!: string;

  @ApiProperty({ type: [PermissionDto], example: [{ featureKey: 'reports.advanced', actionKey: 'view' }] })
  permissions!: PermissionDto[];

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  updatedAt!: string;
}

export class RoleListResponse {
  @ApiProperty({ type: [RoleResponse] })
  items!: RoleResponse[];

  @NextCursor()
  nextCursor!: string | null;
}

export class RoleAssignmentResponse {
  @ApiProperty(UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e40'))
  id!: string;

  @ApiProperty(UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e30'))
  roleId!: string;

  @ApiProperty({ example: 'report-viewer' })
  roleKey!: string;

  @ApiProperty({ example: 'Report viewer' })
  roleName!: string;

  @ApiProperty(UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e20'))
  applicationId!: string;

  @ApiProperty({ ...UUID_EXAMPLE('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e12'), nullable: true, type: String })
  membershipId!: string | null;

  @ApiProperty({ example: null, format: 'uuid', nullable: true, type: String })
  groupId!: string | null;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  assignedAt!: string;
}

export class RoleAssignmentListResponse {
  @ApiProperty({ type: [RoleAssignmentResponse] })
  items!: RoleAssignmentResponse[];

  @NextCursor()
  nextCursor!: string | null;
}
