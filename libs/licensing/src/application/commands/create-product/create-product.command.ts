import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ProductVisibility } from '../../../domain/product/product.js';
import type { ProductView } from '../../views.js';

/** A vendor organization turns one of its applications into a marketplace product (draft until published). */
export class CreateProductCommand extends Command<ProductView> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly fields: { applicationId: string; name: string; visibility: ProductVisibility },
  ) {
    super();
  }
}
