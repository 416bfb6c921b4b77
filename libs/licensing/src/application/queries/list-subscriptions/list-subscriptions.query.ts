import { Query } from '@nestjs/cqrs';
import type { Page, PageQuery } from '#kernel';
import type { Principal } from '#platform';
import type { SubscriptionView } from '../../views.js';

/** The organization's subscriptions. */
export class ListSubscriptionsQuery extends Query<Page<SubscriptionView>> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly page: PageQuery,
  ) {
    super();
  }
}
