import { Query } from '@nestjs/cqrs';
import type { FeatureLicenseEvaluation, FeatureLicenseRequest } from '../../read-models.js';

/**
 * Whether a membership is licensed for a feature key of an application: it
 * holds a seat on an active, currently valid entitlement whose edition
 * unlocks the key. The legacy form asks about one entitlement id. Never
 * cached: `check-scoped` composes it with RBAC as grantedAny ∧ satisfied.
 */
export class EvaluateFeatureLicenseQuery extends Query<FeatureLicenseEvaluation> {
  constructor(readonly request: FeatureLicenseRequest) {
    super();
  }
}
