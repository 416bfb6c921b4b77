import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '#platform';
import { PermissionReferences } from '../../application/ports/permission-references.js';
import type { AffectedMemberships } from '../../domain/keys.js';
import type { PermissionKey } from '../../domain/manifest/feature-manifest.js';
import type { PermissionReference } from '../../domain/manifest/permission-reference.js';

interface ReferenceRow {
  kind: PermissionReference['kind'];
  id: string;
  display: string;
  organization_id: string;
  feature_key: string;
  action_key: string;
}

const REMOVED = `removed AS (SELECT * FROM unnest($3::text[], $4::text[]) AS r(feature_key, action_key))`;

/** Reads and prunes the RBAC tables of this context (roles, grants, policies) in SQL, one statement per question. */
@Injectable()
export class SqlPermissionReferences extends PermissionReferences {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async find(tenantId: string, applicationId: string, permissions: readonly PermissionKey[]): Promise<PermissionReference[]> {
    if (permissions.length === 0) return [];
    const rows: ReferenceRow[] = await this.uow.manager.query(
      `WITH ${REMOVED}
       SELECT 'role' AS kind, r.id, r.key AS display, r.organization_id, rp.feature_key, rp.action_key
         FROM authz.role_permissions rp
         JOIN authz.roles r ON r.id = rp.role_id AND r.tenant_id = rp.tenant_id
         JOIN removed x ON x.feature_key = rp.feature_key AND x.action_key = rp.action_key
        WHERE rp.tenant_id = $1 AND r.application_id = $2
       UNION ALL
       SELECT 'grant', g.id, 'membership:' || g.membership_id, g.organization_id, g.feature_key, g.action_key
         FROM authz.grants g JOIN removed x ON x.feature_key = g.feature_key AND x.action_key = g.action_key
        WHERE g.tenant_id = $1 AND g.application_id = $2
       UNION ALL
       SELECT 'resource_policy', p.id, p.subject_type || ':' || p.subject_id, p.organization_id, p.feature_key, p.action_key
         FROM authz.resource_policies p JOIN removed x ON x.feature_key = p.feature_key AND x.action_key = p.action_key
        WHERE p.tenant_id = $1 AND p.application_id = $2
       ORDER BY 5, 6, 1, 3, 2`,
      [tenantId, applicationId, permissions.map((p) => p.featureKey), permissions.map((p) => p.actionKey)],
    );
    return rows.map((row) => ({
      kind: row.kind,
      id: row.id,
      display: row.display,
      organizationId: row.organization_id,
      featureKey: row.feature_key,
      actionKey: row.action_key,
    }));
  }

  async prune(tenantId: string, applicationId: string, references: readonly PermissionReference[]): Promise<AffectedMemberships> {
    const ids = (kind: PermissionReference['kind']) => [...new Set(references.filter((r) => r.kind === kind).map((r) => r.id))];
    const roles = ids('role');
    const grants = ids('grant');
    const policies = ids('resource_policy');
    const holders: Array<{ membership_id: string }> = await this.uow.manager.query(
      `SELECT ra.membership_id FROM authz.role_assignments ra
        WHERE ra.tenant_id = $1 AND ra.role_id = ANY($2::uuid[]) AND ra.membership_id IS NOT NULL
       UNION
       SELECT gm.membership_id FROM authz.role_assignments ra JOIN authz.group_members gm ON gm.group_id = ra.group_id
        WHERE ra.tenant_id = $1 AND gm.tenant_id = $1 AND ra.role_id = ANY($2::uuid[])
       UNION
       SELECT g.membership_id FROM authz.grants g WHERE g.tenant_id = $1 AND g.id = ANY($3::uuid[])
       UNION
       SELECT p.subject_id FROM authz.resource_policies p
        WHERE p.tenant_id = $1 AND p.id = ANY($4::uuid[]) AND p.subject_type = 'membership'
       UNION
       SELECT gm.membership_id FROM authz.resource_policies p JOIN authz.group_members gm ON gm.group_id = p.subject_id
        WHERE p.tenant_id = $1 AND gm.tenant_id = $1 AND p.id = ANY($4::uuid[]) AND p.subject_type = 'group'`,
      [tenantId, roles, grants, policies],
    );
    const organizations: Array<{ subject_id: string }> = await this.uow.manager.query(
      `SELECT DISTINCT subject_id FROM authz.resource_policies WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND subject_type = 'organization'`,
      [tenantId, policies],
    );
    const rolePermissions = references.filter((r) => r.kind === 'role');
    await this.uow.manager.query(
      `DELETE FROM authz.role_permissions rp
        USING unnest($2::uuid[], $3::text[], $4::text[]) AS x(role_id, feature_key, action_key)
        WHERE rp.tenant_id = $1 AND rp.role_id = x.role_id AND rp.feature_key = x.feature_key AND rp.action_key = x.action_key`,
      [tenantId, rolePermissions.map((r) => r.id), rolePermissions.map((r) => r.featureKey), rolePermissions.map((r) => r.actionKey)],
    );
    await this.uow.manager.query(`DELETE FROM authz.grants WHERE tenant_id = $1 AND application_id = $2 AND id = ANY($3::uuid[])`, [tenantId, applicationId, grants]);
    await this.uow.manager.query(`DELETE FROM authz.resource_policies WHERE tenant_id = $1 AND application_id = $2 AND id = ANY($3::uuid[])`, [
      tenantId,
      applicationId,
      policies,
    ]);
    return { membershipIds: holders.map((row) => row.membership_id), organizationIds: organizations.map((row) => row.subject_id) };
  }
}
