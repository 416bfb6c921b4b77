import type { ProductVisibility, PublicationState } from '../product/product.js';

export type ExternalConsumptionPolicy = 'none' | 'allowlist' | 'public';

/** Why a consumer organization may install an edition. */
export type EligibleReason = 'vendor_tenant' | 'public' | 'allowlisted';

/** Why it may not. */
export type IneligibleReason =
  | 'application_disabled'
  | 'application_not_consumable'
  | 'application_allowlist'
  | 'product_unpublished'
  | 'edition_unpublished'
  | 'product_private'
  | 'not_allowlisted';

export type Eligibility = { eligible: true; reason: EligibleReason } | { eligible: false; reason: IneligibleReason };

export interface EligibilityFacts {
  consumer: { tenantId: string; organizationId: string };
  application: { tenantId: string; status: 'active' | 'disabled'; externalConsumptionPolicy: ExternalConsumptionPolicy };
  product: { status: PublicationState; visibility: ProductVisibility; allowlist: readonly string[] };
  edition: { status: PublicationState };
}

/**
 * Whether a consumer organization may install an edition. Organizations of
 * the vendor's own tenant need only publication. Every other tenant also
 * needs the application's external-consumption policy (none: never;
 * allowlist: the product's allowlist must name the organization, whatever
 * the product's visibility) and the product's visibility (public: anyone;
 * allowlist: named organizations; private: the vendor's tenant only).
 */
export function eligibility({ consumer, application, product, edition }: EligibilityFacts): Eligibility {
  if (application.status !== 'active') return { eligible: false, reason: 'application_disabled' };
  if (product.status !== 'published') return { eligible: false, reason: 'product_unpublished' };
  if (edition.status !== 'published') return { eligible: false, reason: 'edition_unpublished' };
  if (consumer.tenantId === application.tenantId) return { eligible: true, reason: 'vendor_tenant' };
  const allowlisted = product.allowlist.includes(consumer.organizationId);
  if (application.externalConsumptionPolicy === 'none') return { eligible: false, reason: 'application_not_consumable' };
  if (application.externalConsumptionPolicy === 'allowlist' && !allowlisted) return { eligible: false, reason: 'application_allowlist' };
  if (product.visibility === 'private') return { eligible: false, reason: 'product_private' };
  if (product.visibility === 'allowlist') return allowlisted ? { eligible: true, reason: 'allowlisted' } : { eligible: false, reason: 'not_allowlisted' };
  return { eligible: true, reason: application.externalConsumptionPolicy === 'allowlist' ? 'allowlisted' : 'public' };
}

export const INELIGIBLE_MESSAGES: Record<IneligibleReason, string> = {
  application_disabled: "The vendor's application is disabled.",
  application_not_consumable: "The vendor's application is not offered to other tenants.",
  application_allowlist: "The vendor's application is offered only to allowlisted organizations, and yours is not on the product's allowlist.",
  product_unpublished: 'The product is not published.',
  edition_unpublished: 'The edition is not published.',
  product_private: 'The product is private to its vendor.',
  not_allowlisted: "Your organization is not on the product's allowlist.",
};
