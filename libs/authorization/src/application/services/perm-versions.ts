import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { BumpMembershipVersionsCommand } from '#tenancy';
import type { AffectedMemberships } from '../../domain/keys.js';

/** Bumps perm_ver of the memberships a change reaches, inside the caller's unit of work. */
@Injectable()
export class PermVersions {
  constructor(private readonly commandBus: CommandBus) {}

  async bump(tenantId: string, affected: string[] | AffectedMemberships): Promise<void> {
    const { membershipIds, organizationIds } = Array.isArray(affected) ? { membershipIds: affected, organizationIds: [] } : affected;
    if (membershipIds.length > 0) await this.commandBus.execute(new BumpMembershipVersionsCommand(tenantId, 'perm_ver', { membershipIds }));
    for (const organizationId of organizationIds) await this.commandBus.execute(new BumpMembershipVersionsCommand(tenantId, 'perm_ver', { organizationId }));
  }
}
