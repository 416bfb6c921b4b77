import { Injectable } from '@nestjs/common';
import { ChangeSignals, SignalledCache, UnitOfWork } from '#platform';
import { AccessModels, ROLE_PERMISSIONS_CHANGED } from '../../application/ports/access-models.js';
import type { AccessModel, PolicyRule } from '../../domain/access/access-model.js';
import { PermissionSet } from '../../domain/access/permission-set.js';
import type { PermissionKey } from '../../domain/manifest/feature-manifest.js';

type Json<T> = T | string;

interface Row {
  roles: Json<Array<{ roleId: string; roleKey: string; groupId: string | null; groupKey: string | null }>>;
  grants: Json<Array<{ grantId: string; featureKey: string; actionKey: string }>>;
  policies: Json<PolicyRule[]>;
}

/** One round trip: the membership's roles (direct and through its groups), grants and applicable policies. */
const LOAD = `
  WITH my_groups AS (
    SELECT g.id, g.key FROM authz.group_members gm JOIN authz.groups g ON g.id = gm.group_id
     WHERE gm.tenant_id = $1 AND gm.membership_id = $2)
  SELECT
    (SELECT coalesce(json_agg(json_build_object('roleId', r.id, 'roleKey', r.key, 'groupId', mg.id, 'groupKey', mg.key)), '[]'::json)
       FROM authz.role_assignments ra
       JOIN authz.roles r ON r.id = ra.role_id AND r.application_id = $3
       LEFT JOIN my_groups mg ON mg.id = ra.group_id
      WHERE ra.tenant_id = $1 AND (ra.membership_id = $2 OR ra.group_id IN (SELECT id FROM my_groups))) AS roles,
    (SELECT coalesce(json_agg(json_build_object('grantId', id, 'featureKey', feature_key, 'actionKey', action_key)), '[]'::json)
       FROM authz.grants WHERE tenant_id = $1 AND membership_id = $2 AND application_id = $3) AS grants,
    (SELECT coalesce(json_agg(json_build_object(
              'policyId', id, 'subjectType', subject_type, 'subjectId', subject_id, 'featureKey', feature_key, 'actionKey', action_key,
              'resourceType', resource_type, 'resourcePattern', resource_pattern, 'effect', effect)), '[]'::json)
       FROM authz.resource_policies
      WHERE tenant_id = $1 AND application_id = $3
        AND ((subject_type = 'membership' AND subject_id = $2)
          OR (subject_type = 'group' AND subject_id IN (SELECT id FROM my_groups))
          OR (subject_type = 'organization' AND subject_id = $4))) AS policies`;

const parsed = <T>(value: Json<T>): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * Reads the access model, with the permission sets of roles cached by role id
 * (kept exact by ROLE_PERMISSIONS_CHANGED): after a perm_ver change only the
 * small assignment, grant and policy lists are read again, not every role's
 * permissions.
 */
@Injectable()
export class TypeOrmAccessModels extends AccessModels {
  readonly #roles: SignalledCache<PermissionSet>;

  constructor(
    private readonly uow: UnitOfWork,
    signals: ChangeSignals,
  ) {
    super();
    this.#roles = new SignalledCache(signals, 50_000);
    signals.subscribe(ROLE_PERMISSIONS_CHANGED, (roleId) => this.#roles.invalidate(roleId));
  }

  async load({ tenantId, organizationId, membershipId, applicationId }: { tenantId: string; organizationId: string; membershipId: string; applicationId: string }): Promise<AccessModel> {
    const [row]: Row[] = await this.uow.manager.query(LOAD, [tenantId, membershipId, applicationId, organizationId]);
    const roles = parsed(row.roles);
    const permissions = await this.#roles.getMany([...new Set(roles.map((role) => role.roleId))], (missing) => this.#permissionsOf(tenantId, missing));
    return {
      roles: roles.map((role) => ({
        roleId: role.roleId,
        roleKey: role.roleKey,
        permissions: permissions.get(role.roleId) ?? PermissionSet.EMPTY,
        via: role.groupId && role.groupKey ? { groupId: role.groupId, groupKey: role.groupKey } : null,
      })),
      grants: parsed(row.grants),
      policies: parsed(row.policies),
    };
  }

  async #permissionsOf(tenantId: string, roleIds: string[]): Promise<Map<string, PermissionSet>> {
    const rows: Array<{ role_id: string; feature_key: string; action_key: string }> = await this.uow.manager.query(
      `SELECT role_id, feature_key, action_key FROM authz.role_permissions WHERE tenant_id = $1 AND role_id = ANY($2::uuid[])`,
      [tenantId, roleIds],
    );
    const sets = new Map<string, PermissionKey[]>(roleIds.map((id) => [id, []]));
    for (const row of rows) sets.get(row.role_id)!.push({ featureKey: row.feature_key, actionKey: row.action_key });
    return new Map([...sets].map(([id, permissions]) => [id, new PermissionSet(permissions)]));
  }
}
