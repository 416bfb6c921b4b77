import { invalidToken } from './bearer-challenge.js';
import type { Principal } from './principal.js';

/**
 * Whether a user's sign-in session (an access token's `session_id`) is still
 * signed in. Identity provides it; the admin API asks on every call, so a
 * token of a signed-out session stops working there at once.
 */
export abstract class SignInSessions {
  abstract active(sessionId: string): Promise<boolean>;

  /** Refuses (401 invalid_token) a token whose session has signed out or expired; tokens without a session pass. */
  async ensureActive(principal: Principal): Promise<void> {
    if (principal.sessionId && !(await this.active(principal.sessionId))) {
      throw invalidToken('The session of this access token has signed out or expired.');
    }
  }
}
