import { Injectable } from '@nestjs/common';
import { DomainError } from '#kernel';
import { uniqueViolation, UnitOfWork } from '#platform';
import { Environment } from '../../domain/environment/environment.js';
import { EnvironmentRepository } from '../../domain/environment/environment.repository.js';
import { EnvironmentOrmEntity } from './environment.orm-entity.js';

@Injectable()
export class TypeOrmEnvironmentRepository extends EnvironmentRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get rows() {
    return this.uow.manager.getRepository(EnvironmentOrmEntity);
  }

  async insert(environment: Environment): Promise<void> {
    try {
      await this.rows.insert(environment.snapshot());
    } catch (error) {
      throw this.translate(error, environment);
    }
  }

  async update(environment: Environment): Promise<void> {
    const { tenantId, id, ...rest } = environment.snapshot();
    try {
      await this.rows.update({ tenantId, id }, rest);
    } catch (error) {
      throw this.translate(error, environment);
    }
  }

  async delete(environment: Environment): Promise<void> {
    const { tenantId, id } = environment.snapshot();
    await this.rows.delete({ tenantId, id });
  }

  async find(tenantId: string, applicationId: string, id: string): Promise<Environment | null> {
    const row = await this.rows.findOneBy({ tenantId, applicationId, id });
    return row ? Environment.restore(row) : null;
  }

  countByApplication(tenantId: string, applicationId: string): Promise<number> {
    return this.rows.countBy({ tenantId, applicationId });
  }

  async list(tenantId: string, applicationId: string): Promise<Environment[]> {
    return (await this.rows.find({ where: { tenantId, applicationId }, order: { id: 'ASC' } })).map(Environment.restore);
  }

  private translate(error: unknown, environment: Environment): unknown {
    if (!uniqueViolation(error)) return error;
    return new DomainError('tenancy.environment_key_taken', `The application already has an environment ${environment.key}.`, {
      key: environment.key,
    });
  }
}
