import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { UnitOfWork } from '#platform';
import { auditedFields } from '../../client-view.js';
import { ClientAccess } from '../../services/client-access.js';
import { ClientChanges } from '../../services/client-changes.js';
import { DeleteClientCommand } from './delete-client.command.js';

@CommandHandler(DeleteClientCommand)
export class DeleteClientHandler implements ICommandHandler<DeleteClientCommand> {
  constructor(
    private readonly access: ClientAccess,
    private readonly changes: ClientChanges,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, applicationId, clientId }: DeleteClientCommand): Promise<void> {
    await this.uow.run(async () => {
      const { application, client } = await this.access.client(principal, applicationId, clientId, 'clients.manage');
      const before = auditedFields(client);
      client.markDeleted(this.clock.now());
      await this.changes.commit(application, client, 'client.deleted', before, { deleted: true });
    });
  }
}
