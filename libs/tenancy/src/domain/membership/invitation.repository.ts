import type { Invitation } from './invitation.js';

export abstract class InvitationRepository {
  abstract insert(invitation: Invitation): Promise<void>;
  abstract update(invitation: Invitation): Promise<void>;
  /** Tokens are global (the accept route is public): looked up by their keyed hash alone. */
  abstract findByTokenHash(tokenHash: string): Promise<Invitation | null>;
}
