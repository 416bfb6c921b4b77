import { Query } from '@nestjs/cqrs';
import type { MembershipView } from '../../read-models.js';

/** The live state of one membership (status, perm_ver, ent_ver), or null. */
export class GetMembershipQuery extends Query<MembershipView | null> {
  constructor(readonly membershipId: string) {
    super();
  }
}
