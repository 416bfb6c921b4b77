import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ProductView } from '../../views.js';

/** A product of the caller's organization with its editions and allowlist. */
export class GetProductQuery extends Query<ProductView> {
  constructor(
    readonly principal: Principal,
    readonly productId: string,
  ) {
    super();
  }
}
