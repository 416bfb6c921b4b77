import type { EligibleReason } from '../domain/marketplace/eligibility.js';
import type { Edition, OfflinePolicy } from '../domain/product/edition.js';
import type { Entitlement } from '../domain/entitlement/entitlement.js';
import type { Installation } from '../domain/installation/installation.js';
import type { Product } from '../domain/product/product.js';
import type { Subscription } from '../domain/subscription/subscription.js';
import type { CatalogEdition } from './ports/license-reader.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export interface EditionView {
  id: string;
  productId: string;
  code: string;
  name: string;
  featureKeys: string[];
  activationRequiresApproval: boolean;
  devicesPerSeat: number;
  offlinePolicy: OfflinePolicy;
  status: string;
  createdAt: string;
}

export interface ProductView {
  id: string;
  organizationId: string;
  applicationId: string;
  name: string;
  visibility: string;
  status: string;
  allowlist: string[];
  editions: EditionView[];
  createdAt: string;
  updatedAt: string;
}

export function toEditionView(edition: Edition): EditionView {
  const e = edition.snapshot();
  return { id: e.id, productId: e.productId, code: e.code, name: e.name, featureKeys: e.featureKeys, activationRequiresApproval: e.activationRequiresApproval, devicesPerSeat: e.devicesPerSeat, offlinePolicy: e.offlinePolicy, status: e.status, createdAt: e.createdAt.toISOString() };
}

export function toProductView(product: Product, editions: Edition[]): ProductView {
  const p = product.snapshot();
  return {
    id: p.id,
    organizationId: p.organizationId,
    applicationId: p.applicationId,
    name: p.name,
    visibility: p.visibility,
    status: p.status,
    allowlist: p.allowlist,
    editions: editions.map(toEditionView),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export interface InstallationView {
  id: string;
  organizationId: string;
  productId: string;
  editionId: string;
  applicationId: string;
  vendorOrganizationId: string;
  installedAt: string;
}

export function toInstallationView(installation: Installation): InstallationView {
  const { id, organizationId, productId, editionId, applicationId, vendorOrganizationId, installedAt } = installation.snapshot();
  return { id, organizationId, productId, editionId, applicationId, vendorOrganizationId, installedAt: installedAt.toISOString() };
}

export interface SubscriptionView {
  id: string;
  organizationId: string;
  installationId: string;
  productId: string;
  editionId: string;
  seats: number;
  status: string;
  startsAt: string;
  endsAt: string | null;
  createdAt: string;
}

export function toSubscriptionView(subscription: Subscription): SubscriptionView {
  const s = subscription.snapshot();
  return { id: s.id, organizationId: s.organizationId, installationId: s.installationId, productId: s.productId, editionId: s.editionId, seats: s.seats, status: s.status, startsAt: s.startsAt.toISOString(), endsAt: iso(s.endsAt), createdAt: s.createdAt.toISOString() };
}

export interface EntitlementView {
  id: string;
  organizationId: string;
  subscriptionId: string;
  productId: string;
  editionId: string;
  seatCount: number;
  seatsAssigned: number;
  validFrom: string;
  validUntil: string | null;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export function toEntitlementView(entitlement: Entitlement): EntitlementView {
  const e = entitlement.snapshot();
  return {
    id: e.id,
    organizationId: e.organizationId,
    subscriptionId: e.subscriptionId,
    productId: e.productId,
    editionId: e.editionId,
    seatCount: e.seatCount,
    seatsAssigned: e.seatHolders.length,
    validFrom: e.validFrom.toISOString(),
    validUntil: iso(e.validUntil),
    status: e.status,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export interface SeatsView {
  entitlementId: string;
  seatCount: number;
  membershipIds: string[];
}

export function toSeatsView(entitlement: Entitlement): SeatsView {
  const e = entitlement.snapshot();
  return { entitlementId: e.id, seatCount: e.seatCount, membershipIds: e.seatHolders };
}

export interface CatalogItemView {
  productId: string;
  productName: string;
  applicationId: string;
  vendorOrganizationId: string;
  visibility: string;
  /** Why this organization may install it. */
  eligibility: { eligible: true; reason: EligibleReason; externalConsumptionPolicy: string };
  editions: CatalogEdition[];
  installationId: string | null;
}
