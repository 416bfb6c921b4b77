import { Command } from '@nestjs/cqrs';

/** Marks one batch of entitlements whose validity has ended as expired and bumps their seat holders' ent_ver; answers how many. */
export class ExpireEntitlementsCommand extends Command<number> {
  constructor(
    readonly now?: Date,
    readonly batchSize = 100,
  ) {
    super();
  }
}
