import { Injectable } from '@nestjs/common';
import { DomainError } from '#kernel';
import type { Organization } from '../../domain/organization/organization.js';
import { quotasOf } from '../../domain/plan/plan.js';
import { TenantRepository } from '../../domain/tenant/tenant.repository.js';
import type { OrganizationDetails } from '../views.js';

@Injectable()
export class OrganizationDetailsReader {
  constructor(private readonly tenants: TenantRepository) {}

  async describe(organization: Organization): Promise<OrganizationDetails> {
    const tenant = await this.tenants.findById(organization.tenantId);
    if (!tenant) throw new DomainError('tenancy.organization_not_found', `No organization ${organization.id}.`);
    const { slug, displayName, plan } = tenant.snapshot();
    const { id, tenantId, name, createdAt, updatedAt } = organization.snapshot();
    return {
      id,
      tenantId,
      name,
      tenant: { slug, displayName, plan },
      quotas: quotasOf(plan),
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    };
  }
}
