import { ApiProperty } from '@nestjs/swagger';
import { ORGANIZATION_ROLES } from '../../domain/membership/organization-role.js';
import { MEMBERSHIP_STATUSES } from '../memberships/membership.request.js';

class CallerMembershipResponse {
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e13', format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ORGANIZATION_ROLES, example: 'owner' })
  role!: string;

  @ApiProperty({ enum: MEMBERSHIP_STATUSES, example: 'active' })
  status!: string;

  @ApiProperty({ example: 'Acme HQ' })
  organizationName!: string;

  @ApiProperty({ example: 'acme' })
  tenantSlug!: string;

  @ApiProperty({ example: 3, description: 'Permission version now; a token with an older `perm_ver` was issued before a role or status change.' })
  permVer!: number;

  @ApiProperty({ example: 1, description: 'Entitlement version now.' })
  entVer!: number;
}

class CallerOrganizationResponse {
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e13', format: 'uuid' })
  membershipId!: string;

  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e11', format: 'uuid' })
  organizationId!: string;

  @ApiProperty({ example: 'Acme HQ' })
  organizationName!: string;

  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10', format: 'uuid' })
  tenantId!: string;

  @ApiProperty({ example: 'acme' })
  tenantSlug!: string;

  @ApiProperty({ enum: ORGANIZATION_ROLES, example: 'owner' })
  role!: string;
}

export class CallerResponse {
  @ApiProperty({ enum: ['user', 'client'], example: 'user', description: '`client` for a client-credentials token.' })
  kind!: string;

  @ApiProperty({ example: 'nexinid-console', description: 'The client the token was issued to.' })
  clientId!: string;

  @ApiProperty({ type: String, example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e12', format: 'uuid', nullable: true })
  userId!: string | null;

  @ApiProperty({ type: String, example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10', format: 'uuid', nullable: true })
  tenantId!: string | null;

  @ApiProperty({ type: String, example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e11', format: 'uuid', nullable: true, description: 'The organization the token acts in: the `{orgId}` of the organization routes.' })
  organizationId!: string | null;

  @ApiProperty({ type: CallerMembershipResponse, nullable: true, description: "The token's membership as it is now (null for a client token, or when it no longer exists)." })
  membership!: CallerMembershipResponse | null;

  @ApiProperty({
    type: [CallerOrganizationResponse],
    description:
      "The user's active memberships in the token's tenant (empty for a client token). To act in another organization, sign in again with `organization_id` in the authorization request.",
  })
  organizations!: CallerOrganizationResponse[];

  @ApiProperty({ type: [String], example: ['email', 'nexidentity.api', 'openid', 'profile', 'tenant_context'] })
  scopes!: string[];

  @ApiProperty({ type: Number, example: 3, nullable: true, description: 'The `perm_ver` claim of the token.' })
  tokenPermVer!: number | null;

  @ApiProperty({ type: Number, example: 1, nullable: true, description: 'The `ent_ver` claim of the token.' })
  tokenEntVer!: number | null;

  @ApiProperty({ example: '2026-01-05T09:40:00.000Z', format: 'date-time', description: 'When the token expires.' })
  expiresAt!: string;
}
