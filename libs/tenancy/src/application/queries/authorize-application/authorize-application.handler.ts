import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '#kernel';
import { quotasOf } from '../../../domain/plan/plan.js';
import { TenantRepository } from '../../../domain/tenant/tenant.repository.js';
import type { ApplicationView } from '../../read-models.js';
import { Access } from '../../services/access.js';
import { toApplicationView } from '../../views.js';
import { AuthorizeApplicationQuery } from './authorize-application.query.js';

@QueryHandler(AuthorizeApplicationQuery)
export class AuthorizeApplicationHandler implements IQueryHandler<AuthorizeApplicationQuery> {
  constructor(
    private readonly access: Access,
    private readonly tenants: TenantRepository,
  ) {}

  async execute({ principal, applicationId, permission }: AuthorizeApplicationQuery): Promise<ApplicationView> {
    const { tenantId, application } = await this.access.application(principal, applicationId, permission);
    const tenant = await this.tenants.findById(tenantId);
    if (!tenant) throw new DomainError('tenancy.application_not_found', `No application ${applicationId} in your organization.`);
    return toApplicationView(application, quotasOf(tenant.plan));
  }
}
