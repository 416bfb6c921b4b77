import { Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { UnitOfWork } from '#platform';
import { ManifestRepository, type ManifestVersion } from '../../domain/manifest/manifest.repository.js';
import { ManifestOrmEntity } from './manifest.orm-entity.js';

const toDomain = ({ isActive, content, ...row }: ManifestOrmEntity): ManifestVersion => ({ ...row, active: isActive, document: content });

@Injectable()
export class TypeOrmManifestRepository extends ManifestRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get rows() {
    return this.uow.manager.getRepository(ManifestOrmEntity);
  }

  async serialize(tenantId: string, applicationId: string): Promise<void> {
    await this.uow.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`authz.manifests:${tenantId}:${applicationId}`]);
  }

  async findActive(tenantId: string, applicationId: string): Promise<ManifestVersion | null> {
    const row = await this.rows.findOneBy({ tenantId, applicationId, isActive: true });
    return row ? toDomain(row) : null;
  }

  async findVersion(tenantId: string, applicationId: string, version: number): Promise<ManifestVersion | null> {
    const row = await this.rows.findOneBy({ tenantId, applicationId, version });
    return row ? toDomain(row) : null;
  }

  async list(tenantId: string, applicationId: string, page: { limit: number; before?: number }): Promise<ManifestVersion[]> {
    const rows = await this.rows.find({
      where: { tenantId, applicationId, ...(page.before !== undefined ? { version: LessThan(page.before) } : {}) },
      order: { version: 'DESC' },
      take: page.limit,
    });
    return rows.map(toDomain);
  }

  async activate(manifest: ManifestVersion): Promise<void> {
    const { active: _active, document, ...rest } = manifest;
    await this.rows.update({ tenantId: manifest.tenantId, applicationId: manifest.applicationId, isActive: true }, { isActive: false });
    await this.rows.insert({ ...rest, content: document, isActive: true });
  }
}
