import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError, isUuid } from '#kernel';
import { GetApplicationConsumptionQuery } from '#tenancy';
import { type Eligibility, eligibility, INELIGIBLE_MESSAGES } from '../../domain/marketplace/eligibility.js';
import type { Edition } from '../../domain/product/edition.js';
import type { Product } from '../../domain/product/product.js';
import { EditionRepository, ProductRepository } from '../../domain/product/product.repository.js';
import { notFound } from './licensing-access.js';

export interface Offer {
  product: Product;
  edition: Edition;
  vendorTenantId: string;
  eligibility: Eligibility;
}

/** Resolves a vendor's product and edition for a consumer organization and decides whether it may have them. */
@Injectable()
export class MarketplaceEligibility {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly products: ProductRepository,
    private readonly editions: EditionRepository,
  ) {}

  async offer(consumer: { tenantId: string; organizationId: string }, productId: string, editionId: string): Promise<Offer> {
    const product = isUuid(productId) ? await this.products.findAnyTenant(productId) : null;
    if (!product) throw notFound('licensing.product_not_found', 'product', productId);
    const edition = isUuid(editionId) ? await this.editions.findAnyTenant(editionId) : null;
    if (!edition) throw notFound('licensing.edition_not_found', 'edition', editionId);
    if (edition.productId !== product.id) {
      throw new DomainError('licensing.edition_mismatch', `Edition ${editionId} is not an edition of product ${productId}.`, { productId, editionId });
    }
    const [application] = await this.queryBus.execute(new GetApplicationConsumptionQuery([product.applicationId]));
    const p = product.snapshot();
    const verdict = application
      ? eligibility({ consumer, application, product: p, edition: edition.snapshot() })
      : ({ eligible: false, reason: 'application_disabled' } as const);
    return { product, edition, vendorTenantId: p.tenantId, eligibility: verdict };
  }

  /** The offer when eligible; otherwise 403 `licensing.not_eligible` with the reason. */
  async eligibleOffer(consumer: { tenantId: string; organizationId: string }, productId: string, editionId: string): Promise<Offer> {
    const offer = await this.offer(consumer, productId, editionId);
    if (!offer.eligibility.eligible) {
      const { reason } = offer.eligibility;
      throw new DomainError('licensing.not_eligible', INELIGIBLE_MESSAGES[reason], { reason, productId, editionId });
    }
    return offer;
  }
}
