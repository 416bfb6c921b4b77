import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import passport from 'passport';
import { DomainError } from '#kernel';
import { AccessTokenVerifier } from './access-token-verifier.js';
import { BearerChallenge, invalidToken, REALM, TOKEN_REQUIRED, UNVERIFIABLE } from './bearer-challenge.js';
import { bearerTokenOf } from './bearer-token.js';
import { type BearerRequest, BearerStrategy } from './bearer.strategy.js';
import type { Principal } from './principal.js';

type Middleware = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Bearer authentication for the REST API. `authenticate` goes through
 * passport with this application's bearer strategy (the REST guard);
 * `principalOf` is the same check without passport's middleware, for the hot
 * routes, which skip Express and Nest's pipeline for the same reason (ADR 16).
 * Each application has its own passport instance: the default one's strategy
 * registry is process-wide, and two NexinIDs in one process (tests) must not
 * verify with each other's keys. The verifier is looked up lazily: the
 * identity module provides it.
 */
@Injectable()
export class BearerAuthenticator {
  readonly #passport: Middleware;
  readonly #logger = new Logger(BearerAuthenticator.name);
  #verifier: AccessTokenVerifier | undefined;

  constructor(private readonly moduleRef: ModuleRef) {
    const instance = new passport.Passport();
    const strategy = new BearerStrategy((header) => this.principalOf(header));
    instance.use(strategy);
    // Built once: a middleware built per request made V8 keep the requests' objects past their young
    // generation (twice the GC time, p99 from 4 to 14 ms in the guard benchmark).
    this.#passport = instance.authenticate(strategy.name, { session: false, assignProperty: 'user', authInfo: false, failWithError: true }) as Middleware;
  }

  /** Authenticates through passport: the principal becomes `request.user`; a refusal rejects with its BearerChallenge. */
  authenticate(request: IncomingMessage, response: ServerResponse): Promise<Principal> {
    return new Promise((resolve, reject) => {
      const authenticating = request as BearerRequest & { user?: Principal };
      this.#passport(request, response, (error?: unknown) => {
        if (!error && authenticating.user) return resolve(authenticating.user);
        reject(authenticating.bearerChallenge ?? invalidToken(TOKEN_REQUIRED));
      });
    });
  }

  /**
   * The principal of an `Authorization: Bearer` header (RFC 6750, header only:
   * no tokens in query strings or bodies), or a BearerChallenge. Fails closed:
   * whatever the verifier throws is a refusal.
   */
  async principalOf(header: string | undefined): Promise<Principal> {
    if (!header) throw new BearerChallenge('platform.unauthorized', TOKEN_REQUIRED, REALM);
    const token = bearerTokenOf(header);
    if (!token) throw invalidToken('The Authorization header is not a Bearer token.');
    this.#verifier ??= this.moduleRef.get(AccessTokenVerifier, { strict: false }) as AccessTokenVerifier;
    try {
      return await this.#verifier.verify(token);
    } catch (error) {
      if (error instanceof DomainError) throw invalidToken(error.message);
      // A verifier bug, not a bad token: still a refusal, but one an operator must see.
      this.#logger.error(`access token verification failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      throw invalidToken(UNVERIFIABLE);
    }
  }
}
