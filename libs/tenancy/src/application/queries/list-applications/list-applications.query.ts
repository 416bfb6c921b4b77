import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ApplicationDetails, Page } from '../../views.js';

export class ListApplicationsQuery extends Query<Page<ApplicationDetails>> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly page: { limit: number; cursor?: string },
  ) {
    super();
  }
}
