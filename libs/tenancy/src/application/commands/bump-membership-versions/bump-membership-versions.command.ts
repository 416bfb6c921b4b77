import { Command } from '@nestjs/cqrs';

export type MembershipCounter = 'perm_ver' | 'ent_ver';

/** Who to bump: the listed memberships, or every membership of an organization. */
export type MembershipSelection = { membershipIds: readonly string[] } | { organizationId: string };

/**
 * Increments `perm_ver` or `ent_ver` of the selected memberships of a tenant.
 * Sent by the context whose change can alter what those memberships may do or
 * are licensed for, inside that change's unit of work, so the bump commits (or
 * rolls back) with it. Answers the new values by membership id; ids of other
 * tenants are ignored.
 */
export class BumpMembershipVersionsCommand extends Command<Map<string, number>> {
  constructor(
    readonly tenantId: string,
    readonly counter: MembershipCounter,
    readonly selection: MembershipSelection,
  ) {
    super();
  }
}
