import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { EntitlementSnapshot } from '../../read-models.js';

/** The caller's membership's effective entitlements, read live, with its current ent_ver. */
export class GetEntitlementSnapshotQuery extends Query<EntitlementSnapshot> {
  constructor(readonly principal: Principal) {
    super();
  }
}
