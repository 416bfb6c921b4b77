import { ApiProperty } from '@nestjs/swagger';
import { PLAN_NAMES } from '../../domain/plan/plan.js';
import { QuotasResponse } from '../plans/plan.response.js';

class OrganizationTenantResponse {
  @ApiProperty({ example: 'acme' })
  slug!: string;

  @ApiProperty({ example: 'Acme Corporation' })
  displayName!: string;

  @ApiProperty({ enum: PLAN_NAMES, example: 'Team' })
  plan!: string;
}

class QuotaUsageResponse {
  @ApiProperty({ example: 1, description: "The tenant's organizations (MaxOrganizations)." })
  organizations!: number;

  @ApiProperty({ example: 4, description: "The tenant's applications (MaxApplications)." })
  applications!: number;

  @ApiProperty({ example: 7, description: "This organization's memberships that are not removed, invitations included (MaxMembers)." })
  members!: number;
}

export class OrganizationResponse {
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e11', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10', format: 'uuid' })
  tenantId!: string;

  @ApiProperty({ example: 'Acme HQ' })
  name!: string;

  @ApiProperty({ type: OrganizationTenantResponse })
  tenant!: OrganizationTenantResponse;

  @ApiProperty({ type: QuotasResponse, description: "The tenant plan's quotas." })
  quotas!: QuotasResponse;

  @ApiProperty({ type: QuotaUsageResponse, description: 'What counts against those quotas now.' })
  usage!: QuotaUsageResponse;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  updatedAt!: string;
}

export class CreatedOrganizationResponse extends OrganizationResponse {
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e12', format: 'uuid', description: 'Your owner membership in the new organization.' })
  membershipId!: string;
}
