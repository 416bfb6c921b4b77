import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ChangeSignals, SignalledCache } from '#platform';
import { GetMembershipQuery, MEMBERSHIP_CHANGED } from '#tenancy';
import { type MembershipState, MembershipStates } from '../../application/ports/runtime-state.js';

@Injectable()
export class CachedMembershipStates extends MembershipStates {
  readonly #cache: SignalledCache<MembershipState | null>;

  constructor(
    private readonly queryBus: QueryBus,
    signals: ChangeSignals,
  ) {
    super();
    this.#cache = new SignalledCache(signals);
    signals.subscribe(MEMBERSHIP_CHANGED, (membershipId) => this.#cache.invalidate(membershipId));
  }

  find(membershipId: string): Promise<MembershipState | null> {
    return this.#cache.get(
      membershipId,
      async () => {
        const view = await this.queryBus.execute(new GetMembershipQuery(membershipId));
        return view && { membershipId: view.membershipId, tenantId: view.tenantId, organizationId: view.organizationId, status: view.status, permVer: view.permVer };
      },
      // An unknown id may become a membership without a change signal (an invitation accepted), so absence is not kept.
      (state) => state !== null,
    );
  }
}
