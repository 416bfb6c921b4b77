import { Injectable } from '@nestjs/common';
import { DomainError } from '#kernel';
import { pageFromRows, UnitOfWork } from '#platform';
import type { DirectGrantRecord } from '../../domain/grant/direct-grant.js';
import { GrantRepository } from '../../domain/grant/grant.repository.js';
import type { Page, PageRequest } from '../../domain/keys.js';
import { insertOrConflict } from './sql.js';

interface Row {
  id: string;
  tenant_id: string;
  organization_id: string;
  application_id: string;
  membership_id: string;
  feature_key: string;
  action_key: string;
  created_at: Date;
}

const toGrant = (row: Row): DirectGrantRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  organizationId: row.organization_id,
  applicationId: row.application_id,
  membershipId: row.membership_id,
  featureKey: row.feature_key,
  actionKey: row.action_key,
  createdAt: new Date(row.created_at),
});

@Injectable()
export class TypeOrmGrantRepository extends GrantRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async find(tenantId: string, grantId: string): Promise<DirectGrantRecord | null> {
    const rows: Row[] = await this.uow.manager.query(`SELECT * FROM authz.grants WHERE tenant_id = $1 AND id = $2`, [tenantId, grantId]);
    return rows.length > 0 ? toGrant(rows[0]) : null;
  }

  async insert(grant: DirectGrantRecord): Promise<void> {
    await insertOrConflict(
      () =>
        this.uow.manager.query(
          `INSERT INTO authz.grants (id, tenant_id, organization_id, application_id, membership_id, feature_key, action_key, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [grant.id, grant.tenantId, grant.organizationId, grant.applicationId, grant.membershipId, grant.featureKey, grant.actionKey, grant.createdAt],
        ),
      () =>
        new DomainError('authorization.grant_exists', `The membership already has a direct grant of ${grant.featureKey}:${grant.actionKey} in that application.`, {
          featureKey: grant.featureKey,
          actionKey: grant.actionKey,
        }),
    );
  }

  async delete(grant: DirectGrantRecord): Promise<void> {
    await this.uow.manager.query(`DELETE FROM authz.grants WHERE tenant_id = $1 AND id = $2`, [grant.tenantId, grant.id]);
  }

  async list(tenantId: string, membershipId: string, page: PageRequest): Promise<Page<DirectGrantRecord>> {
    const rows: Row[] = await this.uow.manager.query(
      `SELECT * FROM authz.grants WHERE tenant_id = $1 AND membership_id = $2 AND ($3::uuid IS NULL OR id > $3::uuid) ORDER BY id LIMIT $4`,
      [tenantId, membershipId, page.cursor ?? null, page.limit + 1],
    );
    return pageFromRows(rows, page, toGrant, (row) => row.id);
  }
}
