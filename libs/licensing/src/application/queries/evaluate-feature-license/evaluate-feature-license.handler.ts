import { type IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { Clock, isUuid } from '#kernel';
import { GetMembershipQuery } from '#tenancy';
import { isWithinValidity } from '../../../domain/entitlement/entitlement.js';
import { LicenseReader } from '../../ports/license-reader.js';
import type { FeatureLicenseEvaluation, FeatureLicenseReason } from '../../read-models.js';
import { EvaluateFeatureLicenseQuery } from './evaluate-feature-license.query.js';

const no = (reason: FeatureLicenseReason, editionCodes: string[] = []): FeatureLicenseEvaluation => ({ satisfied: false, entitlementIds: [], editionCodes, reason });

@QueryHandler(EvaluateFeatureLicenseQuery)
export class EvaluateFeatureLicenseHandler implements IQueryHandler<EvaluateFeatureLicenseQuery> {
  constructor(
    private readonly reader: LicenseReader,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ request }: EvaluateFeatureLicenseQuery): Promise<FeatureLicenseEvaluation> {
    const now = this.clock.now();
    if (!isUuid(request.tenantId)) return no('no_entitlement');
    if ('entitlementId' in request) {
      if (!isUuid(request.entitlementId)) return no('entitlement_not_found');
      const entitlement = await this.reader.entitlementStatus(request.tenantId, request.entitlementId);
      if (!entitlement) return no('entitlement_not_found');
      const codes = [entitlement.editionCode];
      if (entitlement.status !== 'active' || !isWithinValidity(entitlement, now)) return no('entitlement_inactive', codes);
      if (request.membershipId !== undefined) {
        if (!(request.membershipActive ?? (await this.activeMembership(request.tenantId, request.membershipId)))) return no('membership_inactive', codes);
        if (!entitlement.seatHolders.includes(request.membershipId.toLowerCase())) return no('no_seat', codes);
      }
      return { satisfied: true, entitlementIds: [entitlement.entitlementId], editionCodes: codes, reason: 'licensed' };
    }
    if (!(request.membershipActive ?? (await this.activeMembership(request.tenantId, request.membershipId)))) return no('membership_inactive');
    const held = (await this.reader.heldEntitlements(request.tenantId, request.membershipId, now)).filter((e) => e.applicationId === request.applicationId);
    if (held.length === 0) return no('no_entitlement');
    const licensing = held.filter((e) => e.featureKeys.includes(request.featureKey));
    if (licensing.length === 0) return no('feature_not_licensed', [...new Set(held.map((e) => e.editionCode))]);
    return { satisfied: true, entitlementIds: licensing.map((e) => e.entitlementId), editionCodes: [...new Set(licensing.map((e) => e.editionCode))], reason: 'licensed' };
  }

  private async activeMembership(tenantId: string, membershipId: string): Promise<boolean> {
    if (!isUuid(membershipId)) return false;
    const membership = await this.queryBus.execute(new GetMembershipQuery(membershipId));
    return membership !== null && membership.tenantId === tenantId && membership.status === 'active';
  }
}
