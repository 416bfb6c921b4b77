import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { UnitOfWork } from '#platform';
import { auditedFields, type ClientView, toClientView } from '../../client-view.js';
import { ClientAccess } from '../../services/client-access.js';
import { ClientChanges } from '../../services/client-changes.js';
import { SetClientStatusCommand } from './set-client-status.command.js';

@CommandHandler(SetClientStatusCommand)
export class SetClientStatusHandler implements ICommandHandler<SetClientStatusCommand> {
  constructor(
    private readonly access: ClientAccess,
    private readonly changes: ClientChanges,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, applicationId, clientId, status }: SetClientStatusCommand): Promise<ClientView> {
    return this.uow.run(async () => {
      const { application, client } = await this.access.client(principal, applicationId, clientId, 'clients.manage');
      if (client.snapshot().status === status) return toClientView(client);
      const before = auditedFields(client);
      if (status === 'disabled') client.disable(this.clock.now());
      else client.enable(this.clock.now());
      await this.changes.commit(application, client, status === 'disabled' ? 'client.disabled' : 'client.enabled', before);
      return toClientView(client);
    });
  }
}
