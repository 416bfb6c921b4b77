import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { GroupMember } from '../../../domain/group/group.repository.js';

export class AddGroupMemberCommand extends Command<GroupMember> {
  constructor(
    readonly principal: Principal,
    readonly groupId: string,
    readonly membershipId: string,
  ) {
    super();
  }
}
