import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ClientView } from '../../client-view.js';

/** Disabling a client stops new tokens at once; tokens already issued live until they expire. */
export class SetClientStatusCommand extends Command<ClientView> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly clientId: string,
    readonly status: 'active' | 'disabled',
  ) {
    super();
  }
}
