import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ProductView } from '../../views.js';

/** Replaces the consumer organizations a product is offered to when its visibility (or its application's policy) is allowlist. */
export class ReplaceAllowlistCommand extends Command<ProductView> {
  constructor(
    readonly principal: Principal,
    readonly productId: string,
    readonly organizationIds: readonly string[],
  ) {
    super();
  }
}
