import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { ApplicationRepository } from '../../../domain/application/application.repository.js';
import { Access } from '../../services/access.js';
import { type ApplicationDetails, toApplicationDetails } from '../../views.js';
import { UpdateApplicationCommand } from './update-application.command.js';

@CommandHandler(UpdateApplicationCommand)
export class UpdateApplicationHandler implements ICommandHandler<UpdateApplicationCommand> {
  constructor(
    private readonly access: Access,
    private readonly applications: ApplicationRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, applicationId, changes }: UpdateApplicationCommand): Promise<ApplicationDetails> {
    return this.uow.run(async () => {
      const { tenantId, application } = await this.access.application(principal, applicationId, 'applications.manage');
      const diff = application.update(changes, this.clock.now());
      if (Object.keys(diff.after).length > 0) {
        await this.applications.update(application);
        await this.audit.record({
          tenantId,
          organizationId: application.organizationId,
          action: 'application.updated',
          target: { type: 'application', id: application.id, display: application.key },
          outcome: 'success',
          diff: { ...diff },
        });
        await this.uow.publish(application.pullEvents());
      }
      return toApplicationDetails(application);
    });
  }
}
