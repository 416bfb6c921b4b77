import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { EnvironmentRepository } from '../../../domain/environment/environment.repository.js';
import { EnvironmentAccess } from '../../services/environment-access.js';
import { type EnvironmentDetails, toEnvironmentDetails } from '../../views.js';
import { ReplaceEnvironmentCommand } from './replace-environment.command.js';

@CommandHandler(ReplaceEnvironmentCommand)
export class ReplaceEnvironmentHandler implements ICommandHandler<ReplaceEnvironmentCommand> {
  constructor(
    private readonly access: EnvironmentAccess,
    private readonly environments: EnvironmentRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, applicationId, environmentId, fields }: ReplaceEnvironmentCommand): Promise<EnvironmentDetails> {
    return this.uow.run(async () => {
      const { tenantId, application, environment } = await this.access.resolve(principal, applicationId, environmentId, 'applications.manage');
      const diff = environment.replace(fields, this.clock.now());
      if (Object.keys(diff.after).length > 0) {
        await this.environments.update(environment);
        await this.audit.record({
          tenantId,
          organizationId: application.organizationId,
          action: 'environment.updated',
          target: { type: 'environment', id: environment.id, display: `${application.key}/${environment.key}` },
          outcome: 'success',
          diff: { ...diff },
        });
        await this.uow.publish(environment.pullEvents());
      }
      return toEnvironmentDetails(environment);
    });
  }
}
