import { ApiProperty } from '@nestjs/swagger';
import { NextCursor } from '#platform';

const ID = (n: number) => `0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e${String(n).padStart(2, '0')}`;
const AT = '2026-01-05T09:30:00.000Z';

export class OfflinePolicyResponse {
  @ApiProperty({ example: true })
  allowed!: boolean;
  @ApiProperty({ example: 72 })
  leaseDurationHours!: number;
  @ApiProperty({ example: 3 })
  maxRenewals!: number;
}

/** What an edition offers, as both the vendor's edition and the consumer's catalog show it. */
class EditionTermsResponse {
  @ApiProperty({ example: 'reports-pro' })
  code!: string;
  @ApiProperty({ example: 'Reports Pro' })
  name!: string;
  @ApiProperty({ type: [String], example: ['reports.advanced'] })
  featureKeys!: string[];
  @ApiProperty({ example: false })
  activationRequiresApproval!: boolean;
  @ApiProperty({ example: 2 })
  devicesPerSeat!: number;
  @ApiProperty({ type: OfflinePolicyResponse })
  offlinePolicy!: OfflinePolicyResponse;
}

export class EditionResponse extends EditionTermsResponse {
  @ApiProperty({ example: ID(31), format: 'uuid' })
  id!: string;
  @ApiProperty({ example: ID(30), format: 'uuid' })
  productId!: string;
  @ApiProperty({ enum: ['draft', 'published'], example: 'published' })
  status!: string;
  @ApiProperty({ example: AT, format: 'date-time' })
  createdAt!: string;
}

export class ProductResponse {
  @ApiProperty({ example: ID(30), format: 'uuid' })
  id!: string;
  @ApiProperty({ example: ID(11), format: 'uuid' })
  organizationId!: string;
  @ApiProperty({ example: ID(20), format: 'uuid' })
  applicationId!: string;
  @ApiProperty({ example: 'Orders Cloud' })
  name!: string;
  @ApiProperty({ enum: ['public', 'private', 'allowlist'], example: 'public' })
  visibility!: string;
  @ApiProperty({ enum: ['draft', 'published'], example: 'draft' })
  status!: string;
  @ApiProperty({ type: [String], example: [] })
  allowlist!: string[];
  @ApiProperty({ type: [EditionResponse] })
  editions!: EditionResponse[];
  @ApiProperty({ example: AT, format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ example: AT, format: 'date-time' })
  updatedAt!: string;
}

class CatalogEditionResponse extends EditionTermsResponse {
  @ApiProperty({ example: ID(31), format: 'uuid' })
  editionId!: string;
}

class CatalogEligibilityResponse {
  @ApiProperty({ example: true })
  eligible!: boolean;
  @ApiProperty({ enum: ['vendor_tenant', 'public', 'allowlisted'], example: 'public', description: 'Why the organization may install it.' })
  reason!: string;
  @ApiProperty({ enum: ['none', 'allowlist', 'public'], example: 'public', description: "The vendor application's external-consumption policy." })
  externalConsumptionPolicy!: string;
}

export class CatalogItemResponse {
  @ApiProperty({ example: ID(30), format: 'uuid' })
  productId!: string;
  @ApiProperty({ example: 'Orders Cloud' })
  productName!: string;
  @ApiProperty({ example: ID(20), format: 'uuid' })
  applicationId!: string;
  @ApiProperty({ example: ID(11), format: 'uuid' })
  vendorOrganizationId!: string;
  @ApiProperty({ enum: ['public', 'private', 'allowlist'], example: 'public' })
  visibility!: string;
  @ApiProperty({ type: CatalogEligibilityResponse })
  eligibility!: CatalogEligibilityResponse;
  @ApiProperty({ type: [CatalogEditionResponse] })
  editions!: CatalogEditionResponse[];
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Set when the organization installed the product already.' })
  installationId!: string | null;
}

export class CatalogResponse {
  @ApiProperty({ type: [CatalogItemResponse] })
  items!: CatalogItemResponse[];

  @NextCursor()
  nextCursor!: string | null;
}

export class InstallationResponse {
  @ApiProperty({ example: ID(40), format: 'uuid' })
  id!: string;
  @ApiProperty({ example: ID(12), format: 'uuid' })
  organizationId!: string;
  @ApiProperty({ example: ID(30), format: 'uuid' })
  productId!: string;
  @ApiProperty({ example: ID(31), format: 'uuid' })
  editionId!: string;
  @ApiProperty({ example: ID(20), format: 'uuid' })
  applicationId!: string;
  @ApiProperty({ example: ID(11), format: 'uuid' })
  vendorOrganizationId!: string;
  @ApiProperty({ example: AT, format: 'date-time' })
  installedAt!: string;
}

export class InstallationListResponse {
  @ApiProperty({ type: [InstallationResponse] })
  items!: InstallationResponse[];

  @NextCursor()
  nextCursor!: string | null;
}

export class SubscriptionResponse {
  @ApiProperty({ example: ID(50), format: 'uuid' })
  id!: string;
  @ApiProperty({ example: ID(12), format: 'uuid' })
  organizationId!: string;
  @ApiProperty({ example: ID(40), format: 'uuid' })
  installationId!: string;
  @ApiProperty({ example: ID(30), format: 'uuid' })
  productId!: string;
  @ApiProperty({ example: ID(31), format: 'uuid' })
  editionId!: string;
  @ApiProperty({ example: 25 })
  seats!: number;
  @ApiProperty({ enum: ['active', 'canceled'], example: 'active' })
  status!: string;
  @ApiProperty({ example: AT, format: 'date-time' })
  startsAt!: string;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' })
  endsAt!: string | null;
  @ApiProperty({ example: AT, format: 'date-time' })
  createdAt!: string;
}

export class SubscriptionListResponse {
  @ApiProperty({ type: [SubscriptionResponse] })
  items!: SubscriptionResponse[];

  @NextCursor()
  nextCursor!: string | null;
}

export class EntitlementResponse {
  @ApiProperty({ example: ID(60), format: 'uuid' })
  id!: string;
  @ApiProperty({ example: ID(12), format: 'uuid' })
  organizationId!: string;
  @ApiProperty({ example: ID(50), format: 'uuid' })
  subscriptionId!: string;
  @ApiProperty({ example: ID(30), format: 'uuid' })
  productId!: string;
  @ApiProperty({ example: ID(31), format: 'uuid' })
  editionId!: string;
  @ApiProperty({ example: 10 })
  seatCount!: number;
  @ApiProperty({ example: 3 })
  seatsAssigned!: number;
  @ApiProperty({ example: AT, format: 'date-time' })
  validFrom!: string;
  @ApiProperty({ example: '2027-01-01T00:00:00.000Z', nullable: true, type: String, format: 'date-time' })
  validUntil!: string | null;
  @ApiProperty({ enum: ['active', 'suspended', 'expired'], example: 'active' })
  status!: string;
  @ApiProperty({ example: AT, format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ example: AT, format: 'date-time' })
  updatedAt!: string;
}

export class EntitlementListResponse {
  @ApiProperty({ type: [EntitlementResponse] })
  items!: EntitlementResponse[];

  @NextCursor()
  nextCursor!: string | null;
}

export class SeatsResponse {
  @ApiProperty({ example: ID(60), format: 'uuid' })
  entitlementId!: string;
  @ApiProperty({ example: 10 })
  seatCount!: number;
  @ApiProperty({ type: [String], example: [ID(70)] })
  membershipIds!: string[];
}

class SnapshotEntitlementResponse {
  @ApiProperty({ example: ID(60), format: 'uuid' })
  entitlementId!: string;
  @ApiProperty({ example: ID(31), format: 'uuid' })
  editionId!: string;
  @ApiProperty({ example: 'reports-pro' })
  editionCode!: string;
  @ApiProperty({ example: ID(30), format: 'uuid' })
  productId!: string;
  @ApiProperty({ example: ID(20), format: 'uuid' })
  applicationId!: string;
  @ApiProperty({ type: [String], example: ['reports.advanced'] })
  featureKeys!: string[];
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' })
  validUntil!: string | null;
}

export class EntitlementSnapshotResponse {
  @ApiProperty({ example: ID(70), format: 'uuid' })
  membershipId!: string;
  @ApiProperty({ example: ID(10), format: 'uuid' })
  tenantId!: string;
  @ApiProperty({ example: ID(12), format: 'uuid' })
  organizationId!: string;
  @ApiProperty({ example: 4, description: 'The membership’s current ent_ver; also the ETag.' })
  entVer!: number;
  @ApiProperty({ type: [String], example: ['reports-pro'] })
  editionCodes!: string[];
  @ApiProperty({ type: [String], example: ['reports.advanced'] })
  featureKeys!: string[];
  @ApiProperty({ type: [SnapshotEntitlementResponse] })
  entitlements!: SnapshotEntitlementResponse[];
}
