import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';

export class RemoveGroupMemberCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly groupId: string,
    readonly membershipId: string,
  ) {
    super();
  }
}
