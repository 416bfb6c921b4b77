import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ResourceRef } from '../../../domain/access/access-model.js';
import type { PermissionKey } from '../../../domain/manifest/feature-manifest.js';
import type { LicenseVerdict } from '../../ports/feature-licensing.js';
import type { RuntimeAnswer } from '../../services/runtime-evaluator.js';

/** The licensing side of a scoped check: a feature key the server resolves editions for, or (legacy) one entitlement. */
export type LicenseTarget = { licensedFeatureKey: string } | { entitlementId: string };

export interface ScopedAnswer extends RuntimeAnswer {
  license: LicenseVerdict;
}

/** RBAC ∩ entitlement in one question: may the membership do `permissions`, and is it licensed for the feature? */
export class CheckScopedQuery extends Query<ScopedAnswer> {
  constructor(
    readonly principal: Principal,
    readonly permissions: readonly PermissionKey[],
    readonly resource: ResourceRef | undefined,
    readonly membershipId: string | undefined,
    readonly target: LicenseTarget,
  ) {
    super();
  }
}
