import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { EntitlementView } from '../../views.js';

/** The entitlements under a subscription. */
export class ListEntitlementsQuery extends Query<{ items: EntitlementView[] }> {
  constructor(
    readonly principal: Principal,
    readonly subscriptionId: string,
  ) {
    super();
  }
}
