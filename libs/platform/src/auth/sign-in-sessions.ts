/**
 * Whether a user's sign-in session (an access token's `session_id`) is still
 * signed in. Identity provides it; the admin API asks on every call, so a
 * token of a signed-out session stops working there at once.
 */
export abstract class SignInSessions {
  abstract active(sessionId: string): Promise<boolean>;
}
