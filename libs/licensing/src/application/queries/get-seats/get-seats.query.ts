import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { SeatsView } from '../../views.js';

/** The memberships holding seats of an entitlement. */
export class GetSeatsQuery extends Query<SeatsView> {
  constructor(
    readonly principal: Principal,
    readonly entitlementId: string,
  ) {
    super();
  }
}
