import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';

/** Deletes a role with its assignments; its holders lose what it gave them. */
export class DeleteRoleCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly roleId: string,
  ) {
    super();
  }
}
