import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { MembershipDetails } from '../../views.js';

export type MembershipStatusChange = 'suspend' | 'reactivate' | 'remove';

/** Suspends, reactivates or removes a membership; each bumps its perm_ver. The last active owner is kept. */
export class ChangeMembershipStatusCommand extends Command<MembershipDetails> {
  constructor(
    readonly principal: Principal,
    readonly membershipId: string,
    readonly change: MembershipStatusChange,
  ) {
    super();
  }
}
