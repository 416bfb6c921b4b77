import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { OrganizationDetails } from '../../views.js';

export class GetOrganizationQuery extends Query<OrganizationDetails> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
  ) {
    super();
  }
}
