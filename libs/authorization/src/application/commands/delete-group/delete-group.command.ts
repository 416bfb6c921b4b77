import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';

/** Deletes a group with its memberships, role assignments and policies. */
export class DeleteGroupCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly groupId: string,
  ) {
    super();
  }
}
