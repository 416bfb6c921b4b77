import { Injectable } from '@nestjs/common';
import { ChangeSignals, UnitOfWork } from '#platform';
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
    await this.rows.insert(organization.snapshot());
  }

  async update(organization: Organization): Promise<void> {
    const { tenantId, id, ...rest } = organization.snapshot();
    await this.rows.update({ tenantId, id }, rest);
    await this.signals.publish(ORGANIZATION_CHANGED, id);
  }

  async find(tenantId: string, id: string): Promise<Organization | null> {
    const row = await this.rows.findOneBy({ tenantId, id });
    return row ? Organization.restore(row) : null;
  }
}
