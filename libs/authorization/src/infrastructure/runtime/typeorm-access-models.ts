import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '#platform';
import { AccessModels } from '../../application/ports/access-models.js';
import type { AccessModel, PolicyRule } from '../../domain/access/access-model.js';

type Json<T> = T | string;

interface Row {
  roles: Json<Array<{ roleId: string; roleKey: string; groupId: string | null; groupKey: string | null; permissions: Array<[string, string]> }>>;
  grants: Json<Array<{ grantId: string; featureKey: string; actionKey: string }>>;
  policies: Json<PolicyRule[]>;
}

/** One round trip: the membership's groups, its roles (direct and through groups) with permissions, grants and applicable policies. */
const LOAD = `
  WITH my_groups AS (
    SELECT g.id, g.key FROM authz.group_members gm JOIN authz.groups g ON g.id = gm.group_id
     WHERE gm.tenant_id = $1 AND gm.membership_id = $2)
  SELECT
    (SELECT coalesce(json_agg(json_build_object(
              'roleId', r.id, 'roleKey', r.key, 'groupId', mg.id, 'groupKey', mg.key,
              'permissions', coalesce((SELECT json_agg(json_build_array(p.feature_key, p.action_key)) FROM authz.role_permissions p WHERE p.role_id = r.id), '[]'::json))), '[]'::json)
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

@Injectable()
export class TypeOrmAccessModels extends AccessModels {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async load({ tenantId, organizationId, membershipId, applicationId }: { tenantId: string; organizationId: string; membershipId: string; applicationId: string }): Promise<AccessModel> {
    const [row]: Row[] = await this.uow.manager.query(LOAD, [tenantId, membershipId, applicationId, organizationId]);
    return {
      roles: parsed(row.roles).map((role) => ({
        roleId: role.roleId,
        roleKey: role.roleKey,
        permissions: role.permissions.map(([featureKey, actionKey]) => ({ featureKey, actionKey })),
        via: role.groupId && role.groupKey ? { groupId: role.groupId, groupKey: role.groupKey } : null,
      })),
      grants: parsed(row.grants),
      policies: parsed(row.policies),
    };
  }
}
