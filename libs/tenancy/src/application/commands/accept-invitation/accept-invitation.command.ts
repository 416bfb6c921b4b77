import { Command } from '@nestjs/cqrs';

export interface AcceptedInvitation {
  membershipId: string;
  tenantId: string;
  organizationId: string;
  userId: string;
  role: string;
  status: string;
  /** True when the account was created by this acceptance, false when an existing one was linked. */
  userCreated: boolean;
}

/**
 * Claims an invited membership with its one-time token. The invited email's
 * account is created with `password`, or linked when it exists and `password`
 * is its password (proof of ownership).
 */
export class AcceptInvitationCommand extends Command<AcceptedInvitation> {
  constructor(
    readonly token: string,
    readonly password: string | undefined,
    readonly name: string | undefined,
  ) {
    super();
  }
}
