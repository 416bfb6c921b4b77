import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { EntitlementView } from '../../views.js';

/** One entitlement of the caller's organization. */
export class GetEntitlementQuery extends Query<EntitlementView> {
  constructor(
    readonly principal: Principal,
    readonly entitlementId: string,
  ) {
    super();
  }
}
