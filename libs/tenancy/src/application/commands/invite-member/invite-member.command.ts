import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { OrganizationRole } from '../../read-models.js';
import type { MembershipDetails } from '../../views.js';

export interface IssuedInvitation {
  membership: MembershipDetails;
  /** The one-time token, in this answer only; it is stored hashed. */
  invitationToken: string;
  expiresAt: string;
}

/** Invites a person by email into an organization with a role; they accept with the one-time token. */
export class InviteMemberCommand extends Command<IssuedInvitation> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly email: string,
    readonly role: OrganizationRole,
  ) {
    super();
  }
}
