import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { Page, PageRequest } from '../../../domain/keys.js';
import type { RoleView } from '../../views.js';

export class ListRolesQuery extends Query<Page<RoleView>> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
