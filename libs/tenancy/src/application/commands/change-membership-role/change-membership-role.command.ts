import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { OrganizationRole } from '../../read-models.js';
import type { MembershipDetails } from '../../views.js';

export class ChangeMembershipRoleCommand extends Command<MembershipDetails> {
  constructor(
    readonly principal: Principal,
    readonly membershipId: string,
    readonly role: OrganizationRole,
  ) {
    super();
  }
}
