import { Injectable } from '@nestjs/common';
import { ChangeSignals, SignalledCache } from '#platform';
import { AccessModels } from '../../application/ports/access-models.js';
import { EffectiveAccessSource, type MembershipState } from '../../application/ports/runtime-state.js';
import { EffectiveAccess } from '../../domain/access/effective-access.js';

/** Keyed by the live perm_ver: a bump makes the old entry unreachable, and it ages out of the bounded map. */
@Injectable()
export class CachedEffectiveAccess extends EffectiveAccessSource {
  readonly #cache: SignalledCache<EffectiveAccess>;

  constructor(
    private readonly models: AccessModels,
    signals: ChangeSignals,
  ) {
    super();
    this.#cache = new SignalledCache(signals, 20_000);
  }

  get(state: MembershipState, applicationId: string): Promise<EffectiveAccess> {
    return this.#cache.get(`${state.membershipId}/${applicationId}/${state.permVer}`, async () =>
      new EffectiveAccess(
        await this.models.load({ tenantId: state.tenantId, organizationId: state.organizationId, membershipId: state.membershipId, applicationId }),
      ),
    );
  }
}
