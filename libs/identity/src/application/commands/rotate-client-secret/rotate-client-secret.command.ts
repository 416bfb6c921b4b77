import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ClientView } from '../../client-view.js';

/** The new secret replaces the old one at once; it is in this answer only. */
export class RotateClientSecretCommand extends Command<ClientView & { clientSecret: string }> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly clientId: string,
  ) {
    super();
  }
}
