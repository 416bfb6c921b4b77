import { Injectable } from '@nestjs/common';
import { pageFromRows, UnitOfWork } from '#platform';
import type { PolicyEffect, PolicySubjectType } from '../../domain/access/access-model.js';
import type { Page, PageRequest } from '../../domain/keys.js';
import type { ResourcePolicyRecord } from '../../domain/policy/resource-policy.js';
import { ResourcePolicyRepository } from '../../domain/policy/resource-policy.repository.js';

interface Row {
  id: string;
  tenant_id: string;
  organization_id: string;
  application_id: string;
  subject_type: string;
  subject_id: string;
  feature_key: string;
  action_key: string;
  resource_type: string;
  resource_pattern: string;
  effect: string;
  description: string;
  created_at: Date;
}

const toPolicy = (row: Row): ResourcePolicyRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  organizationId: row.organization_id,
  applicationId: row.application_id,
  subjectType: row.subject_type as PolicySubjectType,
  subjectId: row.subject_id,
  featureKey: row.feature_key,
  actionKey: row.action_key,
  resourceType: row.resource_type,
  resourcePattern: row.resource_pattern,
  effect: row.effect as PolicyEffect,
  description: row.description,
  createdAt: new Date(row.created_at),
});

@Injectable()
export class TypeOrmResourcePolicyRepository extends ResourcePolicyRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async find(tenantId: string, policyId: string): Promise<ResourcePolicyRecord | null> {
    const rows: Row[] = await this.uow.manager.query(`SELECT * FROM authz.resource_policies WHERE tenant_id = $1 AND id = $2`, [tenantId, policyId]);
    return rows.length > 0 ? toPolicy(rows[0]) : null;
  }

  async insert(policy: ResourcePolicyRecord): Promise<void> {
    await this.uow.manager.query(
      `INSERT INTO authz.resource_policies (id, tenant_id, organization_id, application_id, subject_type, subject_id, feature_key, action_key,
                                            resource_type, resource_pattern, effect, description, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        policy.id,
        policy.tenantId,
        policy.organizationId,
        policy.applicationId,
        policy.subjectType,
        policy.subjectId,
        policy.featureKey,
        policy.actionKey,
        policy.resourceType,
        policy.resourcePattern,
        policy.effect,
        policy.description,
        policy.createdAt,
      ],
    );
  }

  async delete(policy: ResourcePolicyRecord): Promise<void> {
    await this.uow.manager.query(`DELETE FROM authz.resource_policies WHERE tenant_id = $1 AND id = $2`, [policy.tenantId, policy.id]);
  }

  async list(tenantId: string, applicationId: string, page: PageRequest): Promise<Page<ResourcePolicyRecord>> {
    const rows: Row[] = await this.uow.manager.query(
      `SELECT * FROM authz.resource_policies WHERE tenant_id = $1 AND application_id = $2 AND ($3::uuid IS NULL OR id > $3::uuid) ORDER BY id LIMIT $4`,
      [tenantId, applicationId, page.cursor ?? null, page.limit + 1],
    );
    return pageFromRows(rows, page, toPolicy, (row) => row.id);
  }
}
