import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { PolicyRule } from '../../../domain/access/access-model.js';
import type { PermissionKey } from '../../../domain/manifest/feature-manifest.js';

export interface AuthorizationSnapshot {
  membershipId: string;
  applicationId: string;
  membershipStatus: string;
  permVer: number;
  tokenPermVer: number | null;
  /** Empty for an inactive membership: it may do nothing. */
  permissions: Array<PermissionKey & { resourceScoped: boolean; policies: Array<Pick<PolicyRule, 'policyId' | 'resourceType' | 'resourcePattern' | 'effect'>> }>;
}

/**
 * The membership's effective permissions in the application, as a client
 * caches them. Everything in it is decided by rows whose changes bump
 * perm_ver, so perm_ver alone identifies its version (the ETag).
 */
export class GetAuthorizationSnapshotQuery extends Query<AuthorizationSnapshot> {
  constructor(
    readonly principal: Principal,
    readonly membershipId: string | undefined,
  ) {
    super();
  }
}
