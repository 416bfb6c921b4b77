import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { UnitOfWork } from '#platform';
import { auditedFields, type ClientView, toClientView } from '../../client-view.js';
import { ClientAccess } from '../../services/client-access.js';
import { ClientChanges } from '../../services/client-changes.js';
import { UpdateClientCommand } from './update-client.command.js';

@CommandHandler(UpdateClientCommand)
export class UpdateClientHandler implements ICommandHandler<UpdateClientCommand> {
  constructor(
    private readonly access: ClientAccess,
    private readonly changes: ClientChanges,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, applicationId, clientId, settings }: UpdateClientCommand): Promise<ClientView> {
    return this.uow.run(async () => {
      const { application, client } = await this.access.client(principal, applicationId, clientId, 'clients.manage');
      const before = auditedFields(client);
      client.update(settings, this.clock.now());
      await this.changes.commit(application, client, 'client.updated', before);
      return toClientView(client);
    });
  }
}
