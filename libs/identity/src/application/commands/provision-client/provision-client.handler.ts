import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainError } from '#kernel';
import { SecretHasher, UnitOfWork } from '#platform';
import { CLIENT_TYPE_RULES } from '../../../domain/client/client-type.js';
import { generateClientSecret, OAuthClient } from '../../../domain/client/oauth-client.js';
import { OAuthClientRepository } from '../../../domain/client/oauth-client.repository.js';
import { toClientView } from '../../client-view.js';
import { ClientChanges } from '../../services/client-changes.js';
import { ClientAccess } from '../../services/client-access.js';
import { ProvisionClientCommand, type ProvisionedClient } from './provision-client.command.js';

@CommandHandler(ProvisionClientCommand)
export class ProvisionClientHandler implements ICommandHandler<ProvisionClientCommand> {
  constructor(
    private readonly access: ClientAccess,
    private readonly clients: OAuthClientRepository,
    private readonly changes: ClientChanges,
    private readonly hasher: SecretHasher,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, applicationId, type, settings }: ProvisionClientCommand): Promise<ProvisionedClient> {
    return this.uow.run(async () => {
      const application = await this.access.application(principal, applicationId, 'clients.manage');
      const used = await this.clients.countByApplication(application.tenantId, application.id);
      const limit = application.quotas.maxClientsPerApplication;
      if (used >= limit) {
        throw new DomainError('identity.quota_exceeded', `The plan allows ${limit} clients per application.`, {
          quota: 'MaxClientsPerApplication',
          limit,
          used,
        });
      }
      const secret = CLIENT_TYPE_RULES[type].hasSecret ? generateClientSecret() : undefined;
      const owner = { tenantId: application.tenantId, organizationId: application.organizationId, applicationId: application.id };
      const client = OAuthClient.provision(owner, type, settings, secret ? this.hasher.hash(secret) : null, this.clock.now());
      await this.changes.commit(application, client, 'client.created', null);
      return { ...toClientView(client), ...(secret ? { clientSecret: secret } : {}) };
    });
  }
}
