import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainError } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { Application } from '../../../domain/application/application.js';
import { ApplicationRepository } from '../../../domain/application/application.repository.js';
import { ensureWithinQuota, quotasOf } from '../../../domain/plan/plan.js';
import { TenantRepository } from '../../../domain/tenant/tenant.repository.js';
import { Access } from '../../services/access.js';
import { type ApplicationDetails, toApplicationDetails } from '../../views.js';
import { CreateApplicationCommand } from './create-application.command.js';

@CommandHandler(CreateApplicationCommand)
export class CreateApplicationHandler implements ICommandHandler<CreateApplicationCommand> {
  constructor(
    private readonly access: Access,
    private readonly tenants: TenantRepository,
    private readonly applications: ApplicationRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, organizationId, fields }: CreateApplicationCommand): Promise<ApplicationDetails> {
    return this.uow.run(async () => {
      const { tenantId } = await this.access.organization(principal, organizationId, 'applications.manage');
      // The tenant row lock serializes concurrent creations, so the count below cannot be raced past the quota.
      const tenant = await this.tenants.lock(tenantId);
      if (!tenant) throw new DomainError('tenancy.organization_not_found', `No organization ${organizationId}.`);
      const limit = quotasOf(tenant.plan).maxApplications;
      ensureWithinQuota('MaxApplications', limit, await this.applications.countByTenant(tenantId), tenant.plan);
      const application = Application.create({ tenantId, organizationId }, fields, this.clock.now());
      await this.applications.insert(application);
      const details = toApplicationDetails(application);
      await this.audit.record({
        tenantId,
        organizationId,
        action: 'application.created',
        target: { type: 'application', id: application.id, display: application.key },
        outcome: 'success',
        diff: { after: { key: details.key, name: details.name, status: details.status, externalConsumptionPolicy: details.externalConsumptionPolicy } },
      });
      await this.uow.publish(application.pullEvents());
      return details;
    });
  }
}
