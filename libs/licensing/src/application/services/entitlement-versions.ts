import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeSignals } from '#platform';
import { BumpMembershipVersionsCommand } from '#tenancy';

/** ChangeSignals topic (key: membership id) sent whenever a membership's entitlements or seats change. */
export const ENTITLEMENTS_CHANGED = 'licensing.entitlements';

/**
 * Bumps ent_ver of the memberships a licensing change affects, in the
 * change's own transaction, and signals runtime caches to drop them.
 */
@Injectable()
export class EntitlementVersions {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly signals: ChangeSignals,
  ) {}

  async changed(tenantId: string, membershipIds: readonly string[]): Promise<void> {
    const ids = [...new Set(membershipIds)];
    if (ids.length === 0) return;
    await this.commandBus.execute(new BumpMembershipVersionsCommand(tenantId, 'ent_ver', { membershipIds: ids }));
    await this.signals.publish(ENTITLEMENTS_CHANGED, ids);
  }
}
