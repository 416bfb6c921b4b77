import type { Page, PageRequest } from '../keys.js';

export type AssignmentSubject = { kind: 'membership'; membershipId: string } | { kind: 'group'; groupId: string };

export interface RoleAssignment {
  id: string;
  roleId: string;
  roleKey: string;
  roleName: string;
  applicationId: string;
  membershipId: string | null;
  groupId: string | null;
  assignedAt: string;
}

/** Roles assigned to a membership or a group; assigning twice raises `authorization.role_already_assigned`. */
export abstract class RoleAssignmentRepository {
  abstract assign(tenantId: string, roleId: string, subject: AssignmentSubject, now: Date): Promise<RoleAssignment>;
  /** Answers whether there was such an assignment. */
  abstract unassign(tenantId: string, roleId: string, subject: AssignmentSubject): Promise<boolean>;
  abstract list(tenantId: string, subject: AssignmentSubject, page: PageRequest): Promise<Page<RoleAssignment>>;
}
