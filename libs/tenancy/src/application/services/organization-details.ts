import { Injectable } from '@nestjs/common';
import { DomainError } from '#kernel';
import { ApplicationRepository } from '../../domain/application/application.repository.js';
import { MembershipRepository } from '../../domain/membership/membership.repository.js';
import type { Organization } from '../../domain/organization/organization.js';
import { OrganizationRepository } from '../../domain/organization/organization.repository.js';
import { quotasOf } from '../../domain/plan/plan.js';
import { TenantRepository } from '../../domain/tenant/tenant.repository.js';
import type { OrganizationDetails } from '../views.js';

@Injectable()
export class OrganizationDetailsReader {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly organizations: OrganizationRepository,
    private readonly applications: ApplicationRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  /** The organization, its tenant, the plan's quotas and what counts against the tenant- and organization-wide ones. */
  async describe(organization: Organization): Promise<OrganizationDetails> {
    const tenant = await this.tenants.findById(organization.tenantId);
    if (!tenant) throw new DomainError('tenancy.organization_not_found', `No organization ${organization.id}.`);
    const { slug, displayName, plan } = tenant.snapshot();
    const { id, tenantId, name, createdAt, updatedAt } = organization.snapshot();
    const usage = {
      organizations: await this.organizations.countByTenant(tenantId),
      applications: await this.applications.countByTenant(tenantId),
      members: await this.memberships.countCurrent(tenantId, id),
    };
    return {
      id,
      tenantId,
      name,
      tenant: { slug, displayName, plan },
      quotas: quotasOf(plan),
      usage,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    };
  }
}
