import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { GroupMember } from '../../../domain/group/group.repository.js';
import type { Page, PageRequest } from '../../../domain/keys.js';

export class ListGroupMembersQuery extends Query<Page<GroupMember>> {
  constructor(
    readonly principal: Principal,
    readonly groupId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
