import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { AssignmentSubject } from '../../../domain/role/role-assignment.repository.js';

export class UnassignRoleCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly roleId: string,
    readonly subject: AssignmentSubject,
  ) {
    super();
  }
}
