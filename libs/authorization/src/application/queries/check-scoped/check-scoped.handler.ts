import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { FeatureLicensing, type LicenseQuestion } from '../../ports/feature-licensing.js';
import { RuntimeEvaluator } from '../../services/runtime-evaluator.js';
import { type RuntimeSubject, RuntimeSubjects } from '../../services/runtime-subjects.js';
import { CheckScopedQuery, type LicenseTarget, type ScopedAnswer } from './check-scoped.query.js';

function question({ membership, applicationId }: RuntimeSubject, target: LicenseTarget): LicenseQuestion {
  const who = { tenantId: membership.tenantId, membershipId: membership.membershipId, membershipActive: membership.status === 'active' };
  return 'entitlementId' in target ? { ...who, entitlementId: target.entitlementId } : { ...who, applicationId, featureKey: target.licensedFeatureKey };
}

/** Both halves at once, each read live: RBAC from the signal-kept caches, the license from licensing. */
@QueryHandler(CheckScopedQuery)
export class CheckScopedHandler implements IQueryHandler<CheckScopedQuery> {
  constructor(
    private readonly subjects: RuntimeSubjects,
    private readonly evaluator: RuntimeEvaluator,
    private readonly licensing: FeatureLicensing,
  ) {}

  async execute({ principal, permissions, resource, membershipId, target }: CheckScopedQuery): Promise<ScopedAnswer> {
    const subject = await this.subjects.resolve(principal, membershipId);
    const [answer, license] = await Promise.all([this.evaluator.answer(subject, permissions, resource), this.licensing.evaluate(question(subject, target))]);
    return { ...answer, license };
  }
}
