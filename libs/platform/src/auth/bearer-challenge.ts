import { DomainError } from '#kernel';
import type { Principal } from './principal.js';

export const REALM = 'Bearer realm="nexinid"';
export const TOKEN_REQUIRED = 'An access token is required (Authorization: Bearer <token>).';
export const UNVERIFIABLE = 'The access token could not be verified.';

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

export const invalidToken = (detail: string) =>
  new BearerChallenge('platform.unauthorized', detail, `${REALM}, error="invalid_token", error_description="${detail.replace(/"/g, "'")}"`);

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
