import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { EnvironmentRepository } from '../../../domain/environment/environment.repository.js';
import { EnvironmentAccess } from '../../services/environment-access.js';
import { DeleteEnvironmentCommand } from './delete-environment.command.js';

@CommandHandler(DeleteEnvironmentCommand)
export class DeleteEnvironmentHandler implements ICommandHandler<DeleteEnvironmentCommand> {
  constructor(
    private readonly access: EnvironmentAccess,
    private readonly environments: EnvironmentRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, applicationId, environmentId }: DeleteEnvironmentCommand): Promise<void> {
    await this.uow.run(async () => {
      const { tenantId, application, environment } = await this.access.resolve(principal, applicationId, environmentId, 'applications.manage');
      const { key, name, description } = environment.snapshot();
      environment.markDeleted(this.clock.now());
      await this.environments.delete(environment);
      await this.audit.record({
        tenantId,
        organizationId: application.organizationId,
        action: 'environment.deleted',
        target: { type: 'environment', id: environment.id, display: `${application.key}/${key}` },
        outcome: 'success',
        diff: { before: { applicationId: application.id, key, name, description } },
      });
      await this.uow.publish(environment.pullEvents());
    });
  }
}
