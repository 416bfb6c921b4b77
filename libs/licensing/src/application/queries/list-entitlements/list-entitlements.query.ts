import { Query } from '@nestjs/cqrs';
import type { Page, PageQuery } from '#kernel';
import type { Principal } from '#platform';
import type { EntitlementView } from '../../views.js';

/** The entitlements under a subscription. */
export class ListEntitlementsQuery extends Query<Page<EntitlementView>> {
  constructor(
    readonly principal: Principal,
    readonly subscriptionId: string,
    readonly page: PageQuery,
  ) {
    super();
  }
}
