import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { EntitlementView } from '../../views.js';

/** Creates an entitlement to an edition under a subscription, drawing `seatCount` on its seats. */
export class CreateEntitlementCommand extends Command<EntitlementView> {
  constructor(
    readonly principal: Principal,
    readonly subscriptionId: string,
    readonly fields: { editionId: string; seatCount: number; validFrom?: Date; validUntil?: Date },
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}
