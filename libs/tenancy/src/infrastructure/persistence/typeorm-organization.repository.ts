import { Injectable } from '@nestjs/common';
import { DomainError } from '#kernel';
import { ChangeSignals, UnitOfWork, uniqueViolation } from '#platform';
import { ORGANIZATION_CHANGED } from '../../application/read-models.js';
import { Organization } from '../../domain/organization/organization.js';
import { OrganizationRepository } from '../../domain/organization/organization.repository.js';
import { OrganizationOrmEntity } from './organization.orm-entity.js';

@Injectable()
export class TypeOrmOrganizationRepository extends OrganizationRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly signals: ChangeSignals,
  ) {
    super();
  }

  private get rows() {
    return this.uow.manager.getRepository(OrganizationOrmEntity);
  }

  async insert(organization: Organization): Promise<void> {
    await this.rows.insert(organization.snapshot()).catch((error: unknown) => {
      throw nameTaken(error, organization);
    });
  }

  async update(organization: Organization): Promise<void> {
    const { tenantId, id, ...rest } = organization.snapshot();
    await this.rows.update({ tenantId, id }, rest).catch((error: unknown) => {
      throw nameTaken(error, organization);
    });
    await this.signals.publish(ORGANIZATION_CHANGED, id);
  }

  countByTenant(tenantId: string): Promise<number> {
    return this.rows.countBy({ tenantId });
  }

  async find(tenantId: string, id: string): Promise<Organization | null> {
    const row = await this.rows.findOneBy({ tenantId, id });
    return row ? Organization.restore(row) : null;
  }
}

function nameTaken(error: unknown, organization: Organization): unknown {
  if (uniqueViolation(error)?.constraint !== 'organizations_tenant_name') return error;
  return new DomainError('tenancy.organization_name_taken', `The tenant already has an organization named ${organization.name}.`, { name: organization.name });
}
