import { Injectable } from '@nestjs/common';
import { DomainError } from '#kernel';
import { ChangeSignals, pageFromRows, rowsOf, UnitOfWork } from '#platform';
import { ROLE_PERMISSIONS_CHANGED } from '../../application/ports/access-models.js';
import type { AffectedMemberships, Page, PageRequest } from '../../domain/keys.js';
import { Role } from '../../domain/role/role.js';
import { RoleRepository } from '../../domain/role/role.repository.js';
import { insertOrConflict } from './sql.js';

interface RoleRow {
  id: string;
  tenant_id: string;
  organization_id: string;
  application_id: string;
  key: string;
  name: string;
  description: string;
  created_at: Date;
  updated_at: Date;
  permissions: Array<{ featureKey: string; actionKey: string }> | null;
}

const SELECT = `
  SELECT r.*, (SELECT json_agg(json_build_object('featureKey', p.feature_key, 'actionKey', p.action_key))
                 FROM authz.role_permissions p WHERE p.role_id = r.id) AS permissions
    FROM authz.roles r`;

const toRole = (row: RoleRow) =>
  Role.restore({
    id: row.id,
    scope: { tenantId: row.tenant_id, organizationId: row.organization_id, applicationId: row.application_id },
    key: row.key,
    name: row.name,
    description: row.description,
    permissions: row.permissions ?? [],
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  });

/** Holders of roles: direct assignments, and members of groups the roles are assigned to. */
const HOLDERS = `
  SELECT ra.membership_id AS id FROM authz.role_assignments ra
   WHERE ra.tenant_id = $1 AND ra.role_id = ANY($2::uuid[]) AND ra.membership_id IS NOT NULL
  UNION
  SELECT gm.membership_id FROM authz.role_assignments ra
    JOIN authz.group_members gm ON gm.tenant_id = ra.tenant_id AND gm.group_id = ra.group_id
   WHERE ra.tenant_id = $1 AND ra.role_id = ANY($2::uuid[])`;

@Injectable()
export class TypeOrmRoleRepository extends RoleRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly signals: ChangeSignals,
  ) {
    super();
  }

  async find(tenantId: string, roleId: string): Promise<Role | null> {
    const rows: RoleRow[] = await this.uow.manager.query(`${SELECT} WHERE r.tenant_id = $1 AND r.id = $2`, [tenantId, roleId]);
    return rows.length > 0 ? toRole(rows[0]) : null;
  }

  async insert(role: Role): Promise<void> {
    const { tenantId, organizationId, applicationId } = role.scope;
    await insertOrConflict(
      () =>
        this.uow.manager.query(
          `INSERT INTO authz.roles (id, tenant_id, organization_id, application_id, key, name, description, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
          [role.id, tenantId, organizationId, applicationId, role.key, role.name, role.description, role.createdAt],
        ),
      () => new DomainError('authorization.role_key_taken', `The application already has a role with the key ${role.key}.`, { key: role.key }),
    );
    await this.#writePermissions(role);
  }

  async update(role: Role, permissionsChanged: boolean): Promise<void> {
    await this.uow.manager.query(`UPDATE authz.roles SET name = $3, description = $4, updated_at = $5 WHERE tenant_id = $1 AND id = $2`, [
      role.scope.tenantId,
      role.id,
      role.name,
      role.description,
      role.updatedAt,
    ]);
    if (!permissionsChanged) return;
    await this.uow.manager.query(`DELETE FROM authz.role_permissions WHERE tenant_id = $1 AND role_id = $2`, [role.scope.tenantId, role.id]);
    await this.#writePermissions(role);
    await this.signals.publish(ROLE_PERMISSIONS_CHANGED, role.id);
  }

  async delete(role: Role): Promise<void> {
    await this.uow.manager.query(`DELETE FROM authz.roles WHERE tenant_id = $1 AND id = $2`, [role.scope.tenantId, role.id]);
    await this.signals.publish(ROLE_PERMISSIONS_CHANGED, role.id);
  }

  async list(tenantId: string, applicationId: string, page: PageRequest): Promise<Page<Role>> {
    const rows: RoleRow[] = await this.uow.manager.query(
      `${SELECT} WHERE r.tenant_id = $1 AND r.application_id = $2 AND ($3::uuid IS NULL OR r.id > $3::uuid) ORDER BY r.id LIMIT $4`,
      [tenantId, applicationId, page.cursor ?? null, page.limit + 1],
    );
    return pageFromRows(rows, page, toRole, (row) => row.id);
  }

  async holders(tenantId: string, roleId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.uow.manager.query(HOLDERS, [tenantId, [roleId]]);
    return rows.map((row) => row.id);
  }

  async deleteApplication(tenantId: string, applicationId: string): Promise<AffectedMemberships> {
    const query = async (sql: string) => rowsOf<{ id: string; kind?: string }>(await this.uow.manager.query(sql, [tenantId, applicationId]));
    const roles = (await query(`SELECT id FROM authz.roles WHERE tenant_id = $1 AND application_id = $2`)).map((row) => row.id);
    const holders: Array<{ id: string }> = roles.length > 0 ? await this.uow.manager.query(HOLDERS, [tenantId, roles]) : [];
    const granted = await query(`DELETE FROM authz.grants WHERE tenant_id = $1 AND application_id = $2 RETURNING membership_id AS id`);
    const policies = await query(
      `DELETE FROM authz.resource_policies WHERE tenant_id = $1 AND application_id = $2 RETURNING subject_id AS id, subject_type AS kind`,
    );
    const groupIds = policies.filter((row) => row.kind === 'group').map((row) => row.id);
    const members: Array<{ id: string }> =
      groupIds.length > 0
        ? await this.uow.manager.query(`SELECT membership_id AS id FROM authz.group_members WHERE tenant_id = $1 AND group_id = ANY($2::uuid[])`, [tenantId, groupIds])
        : [];
    await query(`DELETE FROM authz.roles WHERE tenant_id = $1 AND application_id = $2`);
    await this.signals.publish(ROLE_PERMISSIONS_CHANGED, roles);
    return {
      membershipIds: [...new Set([...holders, ...granted, ...members, ...policies.filter((row) => row.kind === 'membership')].map((row) => row.id))],
      organizationIds: [...new Set(policies.filter((row) => row.kind === 'organization').map((row) => row.id))],
    };
  }

  async #writePermissions(role: Role): Promise<void> {
    if (role.permissions.length === 0) return;
    await this.uow.manager.query(
      `INSERT INTO authz.role_permissions (tenant_id, role_id, feature_key, action_key)
       SELECT $1, $2, f, a FROM unnest($3::text[], $4::text[]) AS t(f, a)`,
      [role.scope.tenantId, role.id, role.permissions.map((p) => p.featureKey), role.permissions.map((p) => p.actionKey)],
    );
  }
}
