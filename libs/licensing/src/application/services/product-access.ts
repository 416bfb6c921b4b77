import { Injectable } from '@nestjs/common';
import type { Principal } from '#platform';
import type { Edition } from '../../domain/product/edition.js';
import type { Product } from '../../domain/product/product.js';
import { EditionRepository, ProductRepository } from '../../domain/product/product.repository.js';
import { LicensingAccess, type LicensingPermission, notFound, tenantFor } from './licensing-access.js';

/** Vendor-side resources (products, editions) of the caller's organization, or "not found". */
@Injectable()
export class ProductAccess {
  constructor(
    private readonly access: LicensingAccess,
    private readonly products: ProductRepository,
    private readonly editions: EditionRepository,
  ) {}

  async product(principal: Principal, productId: string, permission: LicensingPermission): Promise<Product> {
    const missing = notFound('licensing.product_not_found', 'product', productId);
    const tenantId = tenantFor(principal, productId);
    const product = tenantId ? await this.products.find(tenantId, productId) : null;
    if (!product) throw missing;
    await this.access.resource(principal, product.organizationId, permission, missing);
    return product;
  }

  async edition(principal: Principal, editionId: string, permission: LicensingPermission): Promise<{ product: Product; edition: Edition }> {
    const missing = notFound('licensing.edition_not_found', 'edition', editionId);
    const tenantId = tenantFor(principal, editionId);
    const edition = tenantId ? await this.editions.find(tenantId, editionId) : null;
    const product = edition ? await this.products.find(edition.snapshot().tenantId, edition.productId) : null;
    if (!edition || !product) throw missing;
    await this.access.resource(principal, product.organizationId, permission, missing);
    return { product, edition };
  }
}
