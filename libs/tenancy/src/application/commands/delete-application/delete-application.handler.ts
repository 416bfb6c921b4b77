import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { ApplicationRepository } from '../../../domain/application/application.repository.js';
import { Access } from '../../services/access.js';
import { toApplicationDetails } from '../../views.js';
import { DeleteApplicationCommand } from './delete-application.command.js';

@CommandHandler(DeleteApplicationCommand)
export class DeleteApplicationHandler implements ICommandHandler<DeleteApplicationCommand> {
  constructor(
    private readonly access: Access,
    private readonly applications: ApplicationRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, applicationId }: DeleteApplicationCommand): Promise<void> {
    await this.uow.run(async () => {
      const { tenantId, application } = await this.access.application(principal, applicationId, 'applications.manage');
      const { key, name, status, externalConsumptionPolicy } = toApplicationDetails(application);
      application.markDeleted(this.clock.now());
      await this.applications.delete(application);
      await this.audit.record({
        tenantId,
        organizationId: application.organizationId,
        action: 'application.deleted',
        target: { type: 'application', id: application.id, display: key },
        outcome: 'success',
        diff: { before: { key, name, status, externalConsumptionPolicy } },
      });
      await this.uow.publish(application.pullEvents());
    });
  }
}
