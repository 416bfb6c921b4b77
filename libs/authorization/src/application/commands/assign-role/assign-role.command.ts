import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { AssignmentSubject, RoleAssignment } from '../../../domain/role/role-assignment.repository.js';

/** Assigns a role to a membership or a group of the role's organization. */
export class AssignRoleCommand extends Command<RoleAssignment> {
  constructor(
    readonly principal: Principal,
    readonly roleId: string,
    readonly subject: AssignmentSubject,
  ) {
    super();
  }
}
