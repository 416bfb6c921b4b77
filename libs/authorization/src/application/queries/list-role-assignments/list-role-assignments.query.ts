import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { Page, PageRequest } from '../../../domain/keys.js';
import type { AssignmentSubject, RoleAssignment } from '../../../domain/role/role-assignment.repository.js';

/** The roles assigned to a membership (directly) or to a group. */
export class ListRoleAssignmentsQuery extends Query<Page<RoleAssignment>> {
  constructor(
    readonly principal: Principal,
    readonly subject: AssignmentSubject,
    readonly page: PageRequest,
  ) {
    super();
  }
}
