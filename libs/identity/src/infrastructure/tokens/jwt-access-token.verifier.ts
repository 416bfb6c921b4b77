import { Injectable } from '@nestjs/common';
import { createLocalJWKSet, errors as joseErrors, type JWK, type JWTPayload, jwtVerify } from 'jose';
import { DomainError } from '#kernel';
import { AccessTokenVerifier, AppConfig, type Principal } from '#platform';
import { OidcProviderHolder } from '../oauth/oidc-provider.holder.js';
import { API_AUDIENCE } from '../oauth/oauth-constants.js';
import { VerifiedTokenCache } from './verified-token.cache.js';

const CLOCK_TOLERANCE_SECONDS = 5;

function unauthorized(reason: string): DomainError {
  return new DomainError('platform.unauthorized', 'The access token is not valid.', { reason });
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function toPrincipal(payload: JWTPayload): Principal {
  const clientId = optionalString(payload.client_id);
  const subject = optionalString(payload.sub);
  if (!clientId || !subject || typeof payload.exp !== 'number') throw unauthorized('missing_claims');
  const isClient = subject === clientId && payload.user_id === undefined;
  return {
    kind: isClient ? 'client' : 'user',
    subject,
    clientId,
    tenantId: optionalString(payload.tenant_id),
    organizationId: optionalString(payload.organization_id),
    membershipId: optionalString(payload.membership_id),
    userId: isClient ? undefined : (optionalString(payload.user_id) ?? subject),
    sessionId: optionalString(payload.session_id),
    scopes: new Set(typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : []),
    permVer: optionalNumber(payload.perm_ver),
    entVer: optionalNumber(payload.ent_ver),
    expiresAt: payload.exp,
    claims: Object.freeze({ ...payload }),
  };
}

/**
 * Verifies our RFC 9068 access tokens against the keys this instance
 * publishes: ES256 only, `typ` at+jwt, our issuer, the API audience, a live
 * `exp`. Verified tokens are cached until they expire, so a hot token costs
 * one map lookup instead of an ECDSA verification.
 */
@Injectable()
export class JwtAccessTokenVerifier extends AccessTokenVerifier {
  #jwks: ReturnType<typeof createLocalJWKSet> | undefined;
  readonly #cache = new VerifiedTokenCache();

  constructor(
    private readonly config: AppConfig,
    private readonly holder: OidcProviderHolder,
  ) {
    super();
    holder.onKeysChanged(() => {
      this.#jwks = undefined;
    });
  }

  async verify(token: string): Promise<Principal> {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const cached = this.#cache.get(token, nowSeconds);
    if (cached) return cached;
    this.#jwks ??= createLocalJWKSet({ keys: this.holder.publicKeys as JWK[] });
    try {
      const { payload } = await jwtVerify(token, this.#jwks, {
        issuer: this.config.issuer,
        audience: API_AUDIENCE,
        algorithms: ['ES256'],
        typ: 'at+jwt',
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iat', 'sub', 'client_id'],
      });
      const principal = toPrincipal(payload);
      this.#cache.set(token, principal);
      return principal;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw unauthorized(error instanceof joseErrors.JOSEError ? error.code : 'invalid_token');
    }
  }
}
