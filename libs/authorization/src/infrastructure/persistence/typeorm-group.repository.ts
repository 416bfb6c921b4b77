import { Injectable } from '@nestjs/common';
import { DomainError } from '#kernel';
import { pageFromRows, UnitOfWork } from '#platform';
import { type GroupMember, GroupRepository } from '../../domain/group/group.repository.js';
import { SecurityGroup } from '../../domain/group/security-group.js';
import type { Page, PageRequest } from '../../domain/keys.js';
import { deleted, insertOrConflict } from './sql.js';

interface Row {
  id: string;
  tenant_id: string;
  organization_id: string;
  key: string;
  name: string;
  description: string;
  created_at: Date;
  updated_at: Date;
}

const toGroup = (row: Row) =>
  SecurityGroup.restore({
    id: row.id,
    tenantId: row.tenant_id,
    organizationId: row.organization_id,
    key: row.key,
    name: row.name,
    description: row.description,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  });

const toMember = (row: { membership_id: string; added_at: Date }): GroupMember => ({ membershipId: row.membership_id, addedAt: new Date(row.added_at).toISOString() });

@Injectable()
export class TypeOrmGroupRepository extends GroupRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async find(tenantId: string, groupId: string): Promise<SecurityGroup | null> {
    const rows: Row[] = await this.uow.manager.query(`SELECT * FROM authz.groups WHERE tenant_id = $1 AND id = $2`, [tenantId, groupId]);
    return rows.length > 0 ? toGroup(rows[0]) : null;
  }

  async insert(group: SecurityGroup): Promise<void> {
    await insertOrConflict(
      () =>
        this.uow.manager.query(
          `INSERT INTO authz.groups (id, tenant_id, organization_id, key, name, description, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
          [group.id, group.tenantId, group.organizationId, group.key, group.name, group.description, group.createdAt],
        ),
      () => new DomainError('authorization.group_key_taken', `The organization already has a group with the key ${group.key}.`, { key: group.key }),
    );
  }

  async update(group: SecurityGroup): Promise<void> {
    await this.uow.manager.query(`UPDATE authz.groups SET name = $3, description = $4, updated_at = $5 WHERE tenant_id = $1 AND id = $2`, [
      group.tenantId,
      group.id,
      group.name,
      group.description,
      group.updatedAt,
    ]);
  }

  async delete(group: SecurityGroup): Promise<void> {
    await this.uow.manager.query(`DELETE FROM authz.resource_policies WHERE tenant_id = $1 AND subject_type = 'group' AND subject_id = $2`, [group.tenantId, group.id]);
    await this.uow.manager.query(`DELETE FROM authz.groups WHERE tenant_id = $1 AND id = $2`, [group.tenantId, group.id]);
  }

  async list(tenantId: string, organizationId: string, page: PageRequest): Promise<Page<SecurityGroup>> {
    const rows: Row[] = await this.uow.manager.query(
      `SELECT * FROM authz.groups WHERE tenant_id = $1 AND organization_id = $2 AND ($3::uuid IS NULL OR id > $3::uuid) ORDER BY id LIMIT $4`,
      [tenantId, organizationId, page.cursor ?? null, page.limit + 1],
    );
    return pageFromRows(rows, page, toGroup, (row) => row.id);
  }

  async addMember(tenantId: string, groupId: string, membershipId: string, now: Date): Promise<GroupMember> {
    await insertOrConflict(
      () => this.uow.manager.query(`INSERT INTO authz.group_members (tenant_id, group_id, membership_id, added_at) VALUES ($1, $2, $3, $4)`, [tenantId, groupId, membershipId, now]),
      () => new DomainError('authorization.already_group_member', `The membership ${membershipId} is already in the group.`, { membershipId }),
    );
    return { membershipId, addedAt: now.toISOString() };
  }

  async removeMember(tenantId: string, groupId: string, membershipId: string): Promise<boolean> {
    return deleted(
      await this.uow.manager.query(`DELETE FROM authz.group_members WHERE tenant_id = $1 AND group_id = $2 AND membership_id = $3`, [tenantId, groupId, membershipId]),
    );
  }

  async members(tenantId: string, groupId: string, page: PageRequest): Promise<Page<GroupMember>> {
    const rows: Array<{ membership_id: string; added_at: Date }> = await this.uow.manager.query(
      `SELECT membership_id, added_at FROM authz.group_members
        WHERE tenant_id = $1 AND group_id = $2 AND ($3::uuid IS NULL OR membership_id > $3::uuid) ORDER BY membership_id LIMIT $4`,
      [tenantId, groupId, page.cursor ?? null, page.limit + 1],
    );
    return pageFromRows(rows, page, toMember, (row) => row.membership_id);
  }

  async memberIds(tenantId: string, groupId: string): Promise<string[]> {
    const rows: Array<{ membership_id: string }> = await this.uow.manager.query(`SELECT membership_id FROM authz.group_members WHERE tenant_id = $1 AND group_id = $2`, [
      tenantId,
      groupId,
    ]);
    return rows.map((row) => row.membership_id);
  }

  async confersAccess(tenantId: string, groupId: string): Promise<boolean> {
    const rows: Array<{ yes: boolean }> = await this.uow.manager.query(
      `SELECT EXISTS (SELECT 1 FROM authz.role_assignments ra JOIN authz.role_permissions rp ON rp.role_id = ra.role_id WHERE ra.tenant_id = $1 AND ra.group_id = $2)
           OR EXISTS (SELECT 1 FROM authz.resource_policies WHERE tenant_id = $1 AND subject_type = 'group' AND subject_id = $2) AS yes`,
      [tenantId, groupId],
    );
    return Boolean(rows[0]?.yes);
  }
}
