import { createRemoteJWKSet, customFetch, errors, type JWTPayload, jwtVerify } from 'jose';
import { discover, type DiscoveryDocument, type Fetch } from './discovery.js';
import { NexinIdUnavailableError, TokenValidationError } from './errors.js';

export interface TokenValidatorOptions {
  /** The NexinID issuer, e.g. `https://id.example.com`. */
  issuer: string;
  /** The audience your API accepts; NexinID's own API is `nexidentity.api`. */
  audience: string;
  /** Scopes every token must carry (all of them). */
  requiredScopes?: string[];
  /** How long fetched signing keys are trusted before they are fetched again (default 10 minutes). */
  jwksCacheMs?: number;
  /** Allowed clock skew in seconds (default 5). */
  clockToleranceSeconds?: number;
  /** The current time (default: the system clock). */
  now?: () => Date;
  fetch?: Fetch;
}

/** The claims of a validated NexinID access token, tenant context included when granted. */
export interface ValidatedToken {
  subject: string;
  clientId: string;
  scopes: ReadonlySet<string>;
  expiresAt: Date;
  tenantId?: string;
  organizationId?: string;
  membershipId?: string;
  userId?: string;
  permVer?: number;
  entVer?: number;
  entitledEditions?: string[];
  claims: JWTPayload;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : undefined);

/**
 * Validates NexinID JWT access tokens (RFC 9068) through the issuer's discovery
 * document and a cached JWKS: signature (ES256/RS256/EdDSA, never `none` or
 * HMAC), issuer, audience, lifetime and scope. Anything else refuses with a
 * TokenValidationError; an unreachable issuer refuses too.
 */
export class TokenValidator {
  #setup: Promise<{ discovery: DiscoveryDocument; keys: ReturnType<typeof createRemoteJWKSet> }> | undefined;

  constructor(private readonly options: TokenValidatorOptions) {}

  async validate(token: string): Promise<ValidatedToken> {
    if (typeof token !== 'string' || token.split('.').length !== 3) throw new TokenValidationError('malformed', 'not a JWT');
    const { discovery, keys } = await this.#keys();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: discovery.issuer,
        audience: this.options.audience,
        algorithms: ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'],
        typ: 'at+jwt',
        clockTolerance: this.options.clockToleranceSeconds ?? 5,
        currentDate: this.options.now?.(),
        requiredClaims: ['exp', 'iat', 'sub', 'client_id'],
      }));
    } catch (error) {
      throw refusal(error);
    }
    const scopes = new Set(String(payload.scope ?? '').split(' ').filter(Boolean));
    const missing = (this.options.requiredScopes ?? []).filter((scope) => !scopes.has(scope));
    if (missing.length > 0) throw new TokenValidationError('insufficient_scope', `the token lacks the scope ${missing.join(' ')}`);
    return {
      subject: String(payload.sub),
      clientId: String(payload.client_id),
      scopes,
      expiresAt: new Date(Number(payload.exp) * 1000),
      tenantId: text(payload.tenant_id),
      organizationId: text(payload.organization_id),
      membershipId: text(payload.membership_id),
      userId: text(payload.user_id),
      permVer: count(payload.perm_ver),
      entVer: count(payload.ent_ver),
      entitledEditions: Array.isArray(payload.entitled_editions) ? payload.entitled_editions.filter((code): code is string => typeof code === 'string') : undefined,
      claims: payload,
    };
  }

  #keys() {
    this.#setup ??= discover(this.options.issuer, this.options.fetch).then(
      (discovery) => ({
        discovery,
        keys: createRemoteJWKSet(new URL(discovery.jwks_uri), {
          cacheMaxAge: this.options.jwksCacheMs ?? 600_000,
          cooldownDuration: 30_000,
          ...(this.options.fetch ? { [customFetch]: this.options.fetch } : {}),
        }),
      }),
      (error: unknown) => {
        this.#setup = undefined;
        throw new TokenValidationError('discovery_failed', (error as Error).message);
      },
    );
    return this.#setup;
  }
}

function refusal(error: unknown): TokenValidationError {
  if (error instanceof TokenValidationError) return error;
  if (error instanceof errors.JWTExpired) return new TokenValidationError('expired', 'the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new TokenValidationError('invalid_issuer', 'the token was not issued by this issuer');
    if (error.claim === 'aud') return new TokenValidationError('invalid_audience', 'the token is not meant for this audience');
    if (error.claim === 'nbf' || error.claim === 'iat') return new TokenValidationError('not_yet_valid', 'the token is not valid yet');
    return new TokenValidationError('malformed', `claim ${error.claim}: ${error.reason}`);
  }
  if (error instanceof errors.JWKSTimeout || (error as { code?: string }).code === 'ERR_JWKS_TIMEOUT') return new TokenValidationError('discovery_failed', 'the signing keys could not be fetched');
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JOSEAlgNotAllowed) {
    return new TokenValidationError('invalid_signature', 'the token signature is not valid for this issuer');
  }
  if (error instanceof NexinIdUnavailableError) return new TokenValidationError('discovery_failed', error.message);
  return new TokenValidationError('malformed', (error as Error).message ?? 'invalid token');
}
