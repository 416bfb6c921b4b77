import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { SubscriptionView } from '../../views.js';

/** One subscription of the caller's organization. */
export class GetSubscriptionQuery extends Query<SubscriptionView> {
  constructor(
    readonly principal: Principal,
    readonly subscriptionId: string,
  ) {
    super();
  }
}
