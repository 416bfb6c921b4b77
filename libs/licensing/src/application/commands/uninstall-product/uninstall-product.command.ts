import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';

/** Removes an installation with its subscriptions, entitlements and seats; seat holders' ent_ver bumps. */
export class UninstallProductCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly installationId: string,
  ) {
    super();
  }
}
