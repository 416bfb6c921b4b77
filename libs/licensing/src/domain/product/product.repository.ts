import type { Edition } from './edition.js';
import type { Product } from './product.js';

export abstract class ProductRepository {
  abstract insert(product: Product): Promise<void>;
  abstract update(product: Product): Promise<void>;
  /** Null when the product is not in `tenantId`. */
  abstract find(tenantId: string, id: string): Promise<Product | null>;
  /** Any tenant's product: the marketplace is where tenants meet. */
  abstract findAnyTenant(id: string): Promise<Product | null>;
}

export abstract class EditionRepository {
  /** Fails with `licensing.edition_code_taken` when the product already has the code. */
  abstract insert(edition: Edition): Promise<void>;
  abstract update(edition: Edition): Promise<void>;
  abstract find(tenantId: string, id: string): Promise<Edition | null>;
  abstract findAnyTenant(id: string): Promise<Edition | null>;
  abstract listByProduct(tenantId: string, productId: string): Promise<Edition[]>;
}
