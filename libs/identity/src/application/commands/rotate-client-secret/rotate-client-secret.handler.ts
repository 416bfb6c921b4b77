import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { SecretHasher, UnitOfWork } from '#platform';
import { generateClientSecret } from '../../../domain/client/oauth-client.js';
import { auditedFields, type ClientView, toClientView } from '../../client-view.js';
import { ClientAccess } from '../../services/client-access.js';
import { ClientChanges } from '../../services/client-changes.js';
import { RotateClientSecretCommand } from './rotate-client-secret.command.js';

@CommandHandler(RotateClientSecretCommand)
export class RotateClientSecretHandler implements ICommandHandler<RotateClientSecretCommand> {
  constructor(
    private readonly access: ClientAccess,
    private readonly changes: ClientChanges,
    private readonly hasher: SecretHasher,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, applicationId, clientId }: RotateClientSecretCommand): Promise<ClientView & { clientSecret: string }> {
    return this.uow.run(async () => {
      const { application, client } = await this.access.client(principal, applicationId, clientId, 'clients.manage');
      const before = auditedFields(client);
      const secret = generateClientSecret();
      client.rotateSecret(this.hasher.hash(secret), this.clock.now());
      await this.changes.commit(application, client, 'client.secret_rotated', before);
      return { ...toClientView(client), clientSecret: secret };
    });
  }
}
