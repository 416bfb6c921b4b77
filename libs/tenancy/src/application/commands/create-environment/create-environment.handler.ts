import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainError } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { ApplicationRepository } from '../../../domain/application/application.repository.js';
import { Environment } from '../../../domain/environment/environment.js';
import { EnvironmentRepository } from '../../../domain/environment/environment.repository.js';
import { ensureWithinQuota, quotasOf } from '../../../domain/plan/plan.js';
import { TenantRepository } from '../../../domain/tenant/tenant.repository.js';
import { Access } from '../../services/access.js';
import { type EnvironmentDetails, toEnvironmentDetails } from '../../views.js';
import { CreateEnvironmentCommand } from './create-environment.command.js';

@CommandHandler(CreateEnvironmentCommand)
export class CreateEnvironmentHandler implements ICommandHandler<CreateEnvironmentCommand> {
  constructor(
    private readonly access: Access,
    private readonly tenants: TenantRepository,
    private readonly applications: ApplicationRepository,
    private readonly environments: EnvironmentRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, applicationId, fields }: CreateEnvironmentCommand): Promise<EnvironmentDetails> {
    return this.uow.run(async () => {
      const { tenantId, application } = await this.access.application(principal, applicationId, 'applications.manage');
      // Locking the application row serializes concurrent creations against the per-application quota.
      await this.applications.lock(tenantId, application.id);
      const tenant = await this.tenants.findById(tenantId);
      if (!tenant) throw new DomainError('tenancy.application_not_found', `No application ${applicationId}.`);
      const used = await this.environments.countByApplication(tenantId, application.id);
      ensureWithinQuota('MaxEnvironments', quotasOf(tenant.plan).maxEnvironments, used, tenant.plan);
      const environment = Environment.create({ tenantId, applicationId: application.id }, fields, this.clock.now());
      await this.environments.insert(environment);
      const details = toEnvironmentDetails(environment);
      await this.audit.record({
        tenantId,
        organizationId: application.organizationId,
        action: 'environment.created',
        target: { type: 'environment', id: environment.id, display: `${application.key}/${environment.key}` },
        outcome: 'success',
        diff: { after: { applicationId: application.id, key: details.key, name: details.name, description: details.description } },
      });
      await this.uow.publish(environment.pullEvents());
      return details;
    });
  }
}
