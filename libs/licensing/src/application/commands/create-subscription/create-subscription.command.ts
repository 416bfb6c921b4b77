import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { SubscriptionView } from '../../views.js';

/** Opens a subscription (term and seat budget) under one of the organization's installations. */
export class CreateSubscriptionCommand extends Command<SubscriptionView> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly fields: { installationId: string; editionId: string; seats: number; startsAt?: Date; endsAt?: Date },
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}
