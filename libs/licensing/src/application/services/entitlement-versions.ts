import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { BumpMembershipVersionsCommand } from '#tenancy';

/**
 * Bumps ent_ver of the memberships a licensing change affects, in the
 * change's own transaction; the bump signals MEMBERSHIP_CHANGED for each of
 * them, which is what the runtime caches listen to.
 */
@Injectable()
export class EntitlementVersions {
  constructor(private readonly commandBus: CommandBus) {}

  async changed(tenantId: string, membershipIds: readonly string[]): Promise<void> {
    const ids = [...new Set(membershipIds)];
    if (ids.length === 0) return;
    await this.commandBus.execute(new BumpMembershipVersionsCommand(tenantId, 'ent_ver', { membershipIds: ids }));
  }
}
