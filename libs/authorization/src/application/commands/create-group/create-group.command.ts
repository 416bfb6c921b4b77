import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { GroupView } from '../../views.js';

export class CreateGroupCommand extends Command<GroupView> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly fields: { key: string; name: string; description?: string },
  ) {
    super();
  }
}
