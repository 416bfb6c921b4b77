import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { MembershipStatus } from '../../read-models.js';
import type { MembershipDetails, Page } from '../../views.js';

/** Memberships of an organization; without a status filter, every one that is not removed. */
export class ListMembershipsQuery extends Query<Page<MembershipDetails>> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly status: MembershipStatus | undefined,
    readonly page: { limit: number; cursor?: string },
  ) {
    super();
  }
}
