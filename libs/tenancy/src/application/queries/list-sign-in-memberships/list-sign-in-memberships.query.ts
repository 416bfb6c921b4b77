import { Query } from '@nestjs/cqrs';
import type { MembershipView } from '../../read-models.js';

/** Active memberships a user may sign in with; limited to one tenant when `tenantId` is given. */
export class ListSignInMembershipsQuery extends Query<MembershipView[]> {
  constructor(
    readonly userId: string,
    readonly tenantId: string | null,
  ) {
    super();
  }
}
