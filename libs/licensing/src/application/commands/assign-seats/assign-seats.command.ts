import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { SeatsView } from '../../views.js';

/** Replaces the memberships holding seats of an entitlement: memberships of its organization only, never more than its seats. */
export class AssignSeatsCommand extends Command<SeatsView> {
  constructor(
    readonly principal: Principal,
    readonly entitlementId: string,
    readonly membershipIds: readonly string[],
  ) {
    super();
  }
}
