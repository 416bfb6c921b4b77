import { ApiProperty } from '@nestjs/swagger';
import { NextCursor } from '#platform';
import { ORGANIZATION_ROLES } from '../../domain/membership/organization-role.js';
import { MEMBERSHIP_STATUSES } from './membership.request.js';

export class MembershipResponse {
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e13', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e11', format: 'uuid' })
  organizationId!: string;

  @ApiProperty({ type: String, example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e12', format: 'uuid', nullable: true, description: 'Null until an invitation is accepted.' })
  userId!: string | null;

  @ApiProperty({ type: String, example: 'grace@acme.example', nullable: true })
  email!: string | null;

  @ApiProperty({ type: String, example: 'Grace Hopper', nullable: true })
  name!: string | null;

  @ApiProperty({ enum: ORGANIZATION_ROLES, example: 'member' })
  role!: string;

  @ApiProperty({ enum: MEMBERSHIP_STATUSES, example: 'active' })
  status!: string;

  @ApiProperty({ example: 1, description: 'Permission version; bumped on every role or status change (`perm_ver` claim).' })
  permVer!: number;

  @ApiProperty({ example: 1, description: 'Entitlement version (`ent_ver` claim).' })
  entVer!: number;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  updatedAt!: string;
}

export class MembershipListResponse {
  @ApiProperty({ type: [MembershipResponse] })
  items!: MembershipResponse[];

  @NextCursor()
  nextCursor!: string | null;
}

export class InvitationResponse {
  @ApiProperty({ type: MembershipResponse })
  membership!: MembershipResponse;

  @ApiProperty({ example: 'nxinv_6bQm2l0Jx8xq3Jm0lZ2vY9cQm1Q2bK3nF5tT7uV9wX0', description: 'One-time token, shown in this answer only. Send it to the invitee.' })
  invitationToken!: string;

  @ApiProperty({ example: '2026-01-12T09:30:00.000Z', format: 'date-time' })
  expiresAt!: string;
}

export class AcceptedInvitationResponse {
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e14', format: 'uuid' })
  membershipId!: string;

  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10', format: 'uuid' })
  tenantId!: string;

  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e11', format: 'uuid' })
  organizationId!: string;

  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e15', format: 'uuid' })
  userId!: string;

  @ApiProperty({ enum: ORGANIZATION_ROLES, example: 'member' })
  role!: string;

  @ApiProperty({ example: 'active' })
  status!: string;

  @ApiProperty({ example: true, description: 'False when an existing account was linked.' })
  userCreated!: boolean;
}
