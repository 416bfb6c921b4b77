import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { GroupView } from '../../views.js';

export class GetGroupQuery extends Query<GroupView> {
  constructor(
    readonly principal: Principal,
    readonly groupId: string,
  ) {
    super();
  }
}
