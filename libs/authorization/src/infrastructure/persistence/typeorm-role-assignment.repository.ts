import { Injectable } from '@nestjs/common';
import { DomainError, newId } from '#kernel';
import { pageFromRows, UnitOfWork } from '#platform';
import type { Page, PageRequest } from '../../domain/keys.js';
import { type AssignmentSubject, type RoleAssignment, RoleAssignmentRepository } from '../../domain/role/role-assignment.repository.js';
import { deleted, insertOrConflict } from './sql.js';

interface Row {
  id: string;
  role_id: string;
  role_key: string;
  role_name: string;
  application_id: string;
  membership_id: string | null;
  group_id: string | null;
  assigned_at: Date;
}

const toAssignment = (row: Row): RoleAssignment => ({
  id: row.id,
  roleId: row.role_id,
  roleKey: row.role_key,
  roleName: row.role_name,
  applicationId: row.application_id,
  membershipId: row.membership_id,
  groupId: row.group_id,
  assignedAt: new Date(row.assigned_at).toISOString(),
});

const column = (subject: AssignmentSubject) => (subject.kind === 'membership' ? 'membership_id' : 'group_id');
const idOf = (subject: AssignmentSubject) => (subject.kind === 'membership' ? subject.membershipId : subject.groupId);

@Injectable()
export class TypeOrmRoleAssignmentRepository extends RoleAssignmentRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async assign(tenantId: string, roleId: string, subject: AssignmentSubject, now: Date): Promise<RoleAssignment> {
    const id = newId(now.getTime());
    await insertOrConflict(
      () =>
        this.uow.manager.query(`INSERT INTO authz.role_assignments (id, tenant_id, role_id, ${column(subject)}, assigned_at) VALUES ($1, $2, $3, $4, $5)`, [
          id,
          tenantId,
          roleId,
          idOf(subject),
          now,
        ]),
      () => new DomainError('authorization.role_already_assigned', `The role ${roleId} is already assigned to that ${subject.kind}.`, { roleId }),
    );
    const [row] = await this.#select(tenantId, subject, 'AND ra.id = $3', [id]);
    return toAssignment(row);
  }

  async unassign(tenantId: string, roleId: string, subject: AssignmentSubject): Promise<boolean> {
    return deleted(
      await this.uow.manager.query(`DELETE FROM authz.role_assignments WHERE tenant_id = $1 AND role_id = $2 AND ${column(subject)} = $3`, [
        tenantId,
        roleId,
        idOf(subject),
      ]),
    );
  }

  async list(tenantId: string, subject: AssignmentSubject, page: PageRequest): Promise<Page<RoleAssignment>> {
    const rows = await this.#select(tenantId, subject, 'AND ($3::uuid IS NULL OR ra.id > $3::uuid) ORDER BY ra.id LIMIT $4', [page.cursor ?? null, page.limit + 1]);
    return pageFromRows(rows, page, toAssignment, (row) => row.id);
  }

  async #select(tenantId: string, subject: AssignmentSubject, tail: string, parameters: unknown[]): Promise<Row[]> {
    const rows: Row[] = await this.uow.manager.query(
      `SELECT ra.id, ra.role_id, r.key AS role_key, r.name AS role_name, r.application_id, ra.membership_id, ra.group_id, ra.assigned_at
         FROM authz.role_assignments ra JOIN authz.roles r ON r.id = ra.role_id
        WHERE ra.tenant_id = $1 AND ra.${column(subject)} = $2 ${tail}`,
      [tenantId, idOf(subject), ...parameters],
    );
    return rows;
  }
}
