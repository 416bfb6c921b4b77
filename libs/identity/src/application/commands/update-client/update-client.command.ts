import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ClientView } from '../../client-view.js';
import type { ClientSettings } from '../../../domain/client/oauth-client.js';

export class UpdateClientCommand extends Command<ClientView> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly clientId: string,
    readonly settings: ClientSettings,
  ) {
    super();
  }
}
