import { Injectable } from '@nestjs/common';
import { In, MoreThan } from 'typeorm';
import { DomainError } from '#kernel';
import { uniqueViolation, UnitOfWork } from '#platform';
import type { ExternalConsumptionPolicy } from '../../application/read-models.js';
import { Application } from '../../domain/application/application.js';
import type { ApplicationStatus } from '../../domain/application/application-key.js';
import { ApplicationRepository } from '../../domain/application/application.repository.js';
import { ApplicationOrmEntity } from './application.orm-entity.js';

const toDomain = (row: ApplicationOrmEntity): Application =>
  Application.restore({
    ...row,
    status: row.status as ApplicationStatus,
    externalConsumptionPolicy: row.externalConsumptionPolicy as ExternalConsumptionPolicy,
  });

@Injectable()
export class TypeOrmApplicationRepository extends ApplicationRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get rows() {
    return this.uow.manager.getRepository(ApplicationOrmEntity);
  }

  async insert(application: Application): Promise<void> {
    try {
      await this.rows.insert(application.snapshot());
    } catch (error) {
      if (uniqueViolation(error)) {
        throw new DomainError('tenancy.application_key_taken', `The application key ${application.key} is already used in this tenant.`, {
          key: application.key,
        });
      }
      throw error;
    }
  }

  async update(application: Application): Promise<void> {
    const { tenantId, id, ...rest } = application.snapshot();
    await this.rows.update({ tenantId, id }, rest);
  }

  async delete(application: Application): Promise<void> {
    await this.rows.delete({ tenantId: application.tenantId, id: application.id });
  }

  async find(tenantId: string, id: string): Promise<Application | null> {
    const row = await this.rows.findOneBy({ tenantId, id });
    return row ? toDomain(row) : null;
  }

  async findByKey(tenantId: string, key: string): Promise<Application | null> {
    const row = await this.rows.findOneBy({ tenantId, key });
    return row ? toDomain(row) : null;
  }

  async lock(tenantId: string, id: string): Promise<Application | null> {
    const row = await this.rows.findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
    return row ? toDomain(row) : null;
  }

  async findMany(ids: readonly string[]): Promise<Application[]> {
    if (ids.length === 0) return [];
    return (await this.rows.findBy({ id: In([...new Set(ids)]) })).map(toDomain);
  }

  countByTenant(tenantId: string): Promise<number> {
    return this.rows.countBy({ tenantId });
  }

  async list(tenantId: string, organizationId: string, page: { limit: number; after?: string }): Promise<Application[]> {
    const rows = await this.rows.find({
      where: { tenantId, organizationId, ...(page.after ? { id: MoreThan(page.after) } : {}) },
      order: { id: 'ASC' },
      take: page.limit,
    });
    return rows.map(toDomain);
  }
}
