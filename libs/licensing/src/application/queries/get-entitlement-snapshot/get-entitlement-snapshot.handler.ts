import { type IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { Clock, DomainError, isUuid } from '#kernel';
import { GetMembershipQuery } from '#tenancy';
import { LicenseReader } from '../../ports/license-reader.js';
import type { EntitlementSnapshot } from '../../read-models.js';
import { GetEntitlementSnapshotQuery } from './get-entitlement-snapshot.query.js';

@QueryHandler(GetEntitlementSnapshotQuery)
export class GetEntitlementSnapshotHandler implements IQueryHandler<GetEntitlementSnapshotQuery> {
  constructor(
    private readonly reader: LicenseReader,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ principal }: GetEntitlementSnapshotQuery): Promise<EntitlementSnapshot> {
    const { tenantId, membershipId } = principal;
    const membership = membershipId && isUuid(membershipId) ? await this.queryBus.execute(new GetMembershipQuery(membershipId)) : null;
    if (!tenantId || !membership || membership.tenantId !== tenantId) {
      throw new DomainError('platform.forbidden', 'The entitlement snapshot needs a token with tenant context (a membership).');
    }
    if (membership.status !== 'active') throw new DomainError('platform.forbidden', `Your membership is ${membership.status}.`);
    const held = await this.reader.heldEntitlements(tenantId, membership.membershipId, this.clock.now());
    return {
      membershipId: membership.membershipId,
      tenantId,
      organizationId: membership.organizationId,
      entVer: membership.entVer,
      editionCodes: [...new Set(held.map((e) => e.editionCode))].sort(),
      featureKeys: [...new Set(held.flatMap((e) => e.featureKeys))].sort(),
      entitlements: held.map((e) => ({ ...e, validUntil: e.validUntil ? e.validUntil.toISOString() : null })),
    };
  }
}
