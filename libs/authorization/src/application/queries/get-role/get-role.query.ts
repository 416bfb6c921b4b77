import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { RoleView } from '../../views.js';

export class GetRoleQuery extends Query<RoleView> {
  constructor(
    readonly principal: Principal,
    readonly roleId: string,
  ) {
    super();
  }
}
