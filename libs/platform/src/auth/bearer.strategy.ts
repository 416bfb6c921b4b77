import type { IncomingMessage } from 'node:http';
import { Strategy } from 'passport-strategy';
import type { BearerChallenge } from './bearer-challenge.js';
import type { Principal } from './principal.js';

/** A request the strategy refused keeps the whole refusal, for the problem answer. */
export type BearerRequest = IncomingMessage & { bearerChallenge?: BearerChallenge };

/**
 * The passport strategy for RFC 6750 bearer tokens. `check` reads and verifies
 * the Authorization header and rejects with a BearerChallenge; a refusal is a
 * `fail` with its challenge, which passport sends as WWW-Authenticate.
 */
export class BearerStrategy extends Strategy {
  name = 'bearer';

  constructor(private readonly check: (header: string | undefined) => Promise<Principal>) {
    super();
  }

  override authenticate(request: BearerRequest): void {
    this.check(request.headers.authorization).then(
      (principal) => this.success(principal),
      (challenge: BearerChallenge) => {
        request.bearerChallenge = challenge;
        this.fail(challenge.challenge, 401);
      },
    );
  }
}
