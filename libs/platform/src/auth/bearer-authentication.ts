import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DomainError } from '#kernel';
import { AccessTokenVerifier } from './access-token-verifier.js';
import type { Principal } from './principal.js';

const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/;
const REALM = 'Bearer realm="nexinid"';
const TOKEN_REQUIRED = 'An access token is required (Authorization: Bearer <token>).';

/** A refused bearer request, with the RFC 6750 challenge the problem answer sends as WWW-Authenticate. */
export class BearerChallenge extends DomainError {
  constructor(
    code: 'platform.unauthorized' | 'platform.insufficient_scope',
    message: string,
    readonly challenge: string,
    details: Record<string, unknown> = {},
  ) {
    super(code, message, details);
  }
}

const invalidToken = (detail: string) =>
  new BearerChallenge('platform.unauthorized', detail, `${REALM}, error="invalid_token", error_description="${detail.replace(/"/g, "'")}"`);

/**
 * RFC 6750 header-only bearer authentication (no tokens in query strings or
 * bodies), for the REST guard and the hot routes alike. Fails closed:
 * whatever the verifier throws is a 401. The verifier is looked up lazily:
 * the identity module provides it.
 */
@Injectable()
export class BearerAuthenticator {
  #verifier: AccessTokenVerifier | undefined;

  constructor(private readonly moduleRef: ModuleRef) {}

  async authenticate(header: string | undefined): Promise<Principal> {
    if (!header) throw new BearerChallenge('platform.unauthorized', TOKEN_REQUIRED, REALM);
    const match = BEARER.exec(header);
    if (!match) throw invalidToken('The Authorization header is not a Bearer token.');
    this.#verifier ??= this.moduleRef.get(AccessTokenVerifier, { strict: false }) as AccessTokenVerifier;
    try {
      return await this.#verifier.verify(match[1]);
    } catch (error) {
      throw invalidToken(error instanceof DomainError ? error.message : TOKEN_REQUIRED);
    }
  }
}

/** Each entry is a set of alternatives: ['a', 'b'] means "a or b". */
export function requireScopes(principal: Principal, required: readonly string[][]): void {
  const missing = required.find((alternatives) => !alternatives.some((scope) => principal.scopes.has(scope)));
  if (!missing) return;
  throw new BearerChallenge(
    'platform.insufficient_scope',
    `The access token lacks the scope ${missing.join(' or ')}.`,
    `${REALM}, error="insufficient_scope", scope="${missing.join(' ')}"`,
    { requiredScope: missing },
  );
}
