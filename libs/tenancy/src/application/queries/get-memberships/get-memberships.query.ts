import { Query } from '@nestjs/cqrs';
import type { MembershipView } from '../../read-models.js';

/** The live state of each listed membership that exists (ids that are not UUIDs or match nothing are left out). */
export class GetMembershipsQuery extends Query<MembershipView[]> {
  constructor(readonly membershipIds: readonly string[]) {
    super();
  }
}
