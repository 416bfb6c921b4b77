import type { Principal } from './principal.js';

/**
 * Validates an access token presented to our REST API (issuer, audience,
 * signature, lifetime) and turns it into a Principal, or throws a DomainError
 * `platform.unauthorized`. Fails closed: anything unexpected is a rejection.
 */
export abstract class AccessTokenVerifier {
  abstract verify(token: string): Promise<Principal>;
}
