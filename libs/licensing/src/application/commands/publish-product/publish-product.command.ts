import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ProductView } from '../../views.js';

/** Makes a product visible on the marketplace (with its published editions); publishing twice is a no-op. */
export class PublishProductCommand extends Command<ProductView> {
  constructor(
    readonly principal: Principal,
    readonly productId: string,
  ) {
    super();
  }
}
