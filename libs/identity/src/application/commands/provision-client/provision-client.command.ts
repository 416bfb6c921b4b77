import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ClientView } from '../../client-view.js';
import type { ClientType } from '../../../domain/client/client-type.js';
import type { ClientSettings } from '../../../domain/client/oauth-client.js';

/** The created client; `clientSecret` is set for confidential types and is never retrievable again. */
export type ProvisionedClient = ClientView & { clientSecret?: string };

export class ProvisionClientCommand extends Command<ProvisionedClient> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly type: ClientType,
    readonly settings: ClientSettings & { name: string },
  ) {
    super();
  }
}
