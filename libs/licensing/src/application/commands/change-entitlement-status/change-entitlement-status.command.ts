import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { EntitlementView } from '../../views.js';

export type EntitlementStatusChange = 'suspend' | 'resume';

/** Suspends an entitlement (its seats stop counting) or resumes it; seat holders' ent_ver bumps. */
export class ChangeEntitlementStatusCommand extends Command<EntitlementView> {
  constructor(
    readonly principal: Principal,
    readonly entitlementId: string,
    readonly change: EntitlementStatusChange,
  ) {
    super();
  }
}
