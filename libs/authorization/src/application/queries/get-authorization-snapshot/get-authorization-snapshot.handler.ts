import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EffectiveAccessSource } from '../../ports/runtime-state.js';
import { RuntimeSubjects } from '../../services/runtime-subjects.js';
import { type AuthorizationSnapshot, GetAuthorizationSnapshotQuery } from './get-authorization-snapshot.query.js';

@QueryHandler(GetAuthorizationSnapshotQuery)
export class GetAuthorizationSnapshotHandler implements IQueryHandler<GetAuthorizationSnapshotQuery> {
  constructor(
    private readonly subjects: RuntimeSubjects,
    private readonly effective: EffectiveAccessSource,
  ) {}

  async execute({ principal, membershipId }: GetAuthorizationSnapshotQuery): Promise<AuthorizationSnapshot> {
    const { membership, applicationId, tokenPermVer } = await this.subjects.resolve(principal, membershipId);
    const active = membership.status === 'active';
    const access = active ? await this.effective.get(membership, applicationId) : null;
    return {
      membershipId: membership.membershipId,
      applicationId,
      membershipStatus: membership.status,
      permVer: membership.permVer,
      tokenPermVer,
      permissions: (access?.list() ?? []).map((permission) => ({
        ...permission,
        policies: access!.policiesOf(permission).map(({ policyId, resourceType, resourcePattern, effect }) => ({ policyId, resourceType, resourcePattern, effect })),
      })),
    };
  }
}
