import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { GroupView } from '../../views.js';

/** Renames or describes a group; that changes nobody's access. */
export class UpdateGroupCommand extends Command<GroupView> {
  constructor(
    readonly principal: Principal,
    readonly groupId: string,
    readonly fields: { name?: string; description?: string },
  ) {
    super();
  }
}
