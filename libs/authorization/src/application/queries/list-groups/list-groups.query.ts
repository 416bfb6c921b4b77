import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { Page, PageRequest } from '../../../domain/keys.js';
import type { GroupView } from '../../views.js';

export class ListGroupsQuery extends Query<Page<GroupView>> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
