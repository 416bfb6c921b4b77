import { Injectable } from '@nestjs/common';
import { DomainError } from '#kernel';
import { uniqueViolation, UnitOfWork } from '#platform';
import type { PlanName } from '../../domain/plan/plan.js';
import { Tenant, type TenantStatus } from '../../domain/tenant/tenant.js';
import { TenantRepository } from '../../domain/tenant/tenant.repository.js';
import { TenantOrmEntity } from './tenant.orm-entity.js';

const toDomain = (row: TenantOrmEntity): Tenant =>
  Tenant.restore({ ...row, plan: row.plan as PlanName, status: row.status as TenantStatus });

@Injectable()
export class TypeOrmTenantRepository extends TenantRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get rows() {
    return this.uow.manager.getRepository(TenantOrmEntity);
  }

  async insert(tenant: Tenant): Promise<void> {
    try {
      await this.rows.insert(tenant.snapshot());
    } catch (error) {
      if (uniqueViolation(error)) throw new DomainError('tenancy.slug_taken', `The slug ${tenant.slug} is already taken.`, { slug: tenant.slug });
      throw error;
    }
  }

  async findById(id: string): Promise<Tenant | null> {
    const row = await this.rows.findOneBy({ id });
    return row ? toDomain(row) : null;
  }

  async lock(id: string): Promise<Tenant | null> {
    const row = await this.rows.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return row ? toDomain(row) : null;
  }
}
