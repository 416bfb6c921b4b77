import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { SubscriptionView } from '../../views.js';

/** The organization's subscriptions. */
export class ListSubscriptionsQuery extends Query<{ items: SubscriptionView[] }> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
  ) {
    super();
  }
}
