import type { Fetch } from './discovery.js';

export interface RuntimeAuthorizationOptions {
  /** The NexinID issuer, e.g. `https://id.example.com`. */
  issuer: string;
  /**
   * How long a cached snapshot answers without asking NexinID again (default
   * 30 s). After that it is revalidated with its ETag (a 304 costs no body).
   * A token carrying a newer perm_ver or ent_ver than the snapshot refetches
   * at once.
   */
  staleAfterMs?: number;
  /** Per-request timeout (default 3 s); a timeout denies. */
  timeoutMs?: number;
  /** Snapshots kept, one pair per membership and application (default 10,000). */
  maxEntries?: number;
  fetch?: Fetch;
  now?: () => number;
}

export interface FeatureCheckOptions {
  /** Narrows the question to one resource; always asked live (resource policies are evaluated by NexinID). */
  resource?: { type: string; id: string };
}

/** The answer of `POST /api/runtime/authorization/check-scoped`. */
export interface ScopedDecision {
  available: boolean;
  grantedAny: boolean;
  featureLicenseSatisfied: boolean;
  licenseReason: string;
  editionCodes: string[];
  permVer: number;
}

interface Cached<T> {
  etag: string;
  version: number;
  value: T;
  checkedAt: number;
}

interface Entry {
  permissions?: Cached<ReadonlySet<string>>;
  features?: Cached<ReadonlySet<string>>;
}

interface TokenFacts {
  membershipId: string;
  applicationId: string;
  permVer: number;
  entVer: number;
  editions: string[];
}

const permission = (featureKey: string, actionKey: string) => `${featureKey}\u0000${actionKey}`;

/** Reads the claims of a JWT the caller has already validated (TokenValidator). */
function factsOf(accessToken: string): TokenFacts | undefined {
  try {
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    if (typeof claims.membership_id !== 'string' || typeof claims.application_id !== 'string') return undefined;
    return {
      membershipId: claims.membership_id,
      applicationId: claims.application_id,
      permVer: Number(claims.perm_ver ?? 0),
      entVer: Number(claims.ent_ver ?? 0),
      editions: Array.isArray(claims.entitled_editions) ? claims.entitled_editions.filter((code): code is string => typeof code === 'string') : [],
    };
  } catch {
    return undefined;
  }
}

/**
 * The feature gate for an integrator's service: RBAC ∩ entitlement, as the
 * spec's runtime check defines it. Without a resource the answer comes from
 * two snapshots (effective permissions, entitlements) cached per membership
 * and application and revalidated with ETags once `staleAfterMs` has passed,
 * or at once when the token carries a newer perm_ver/ent_ver. With a resource
 * it asks `check-scoped` live. Whenever NexinID cannot answer (network, timeout,
 * 5xx, a refused token), the answer is no: it fails closed.
 */
export class RuntimeAuthorizationClient {
  readonly #entries = new Map<string, Entry>();
  readonly #base: string;
  readonly #fetch: Fetch;
  readonly #now: () => number;

  constructor(private readonly options: RuntimeAuthorizationOptions) {
    this.#base = options.issuer.replace(/\/$/, '');
    this.#fetch = options.fetch ?? fetch;
    this.#now = options.now ?? Date.now;
  }

  /** May the token's membership use `featureKey`/`actionKey`, and is it licensed for the feature? */
  async isFeatureAvailable(accessToken: string, featureKey: string, actionKey: string, options: FeatureCheckOptions = {}): Promise<boolean> {
    try {
      if (options.resource) return (await this.checkScoped(accessToken, featureKey, actionKey, options)).available;
      const facts = factsOf(accessToken);
      if (!facts) return false;
      const [permissions, features] = await Promise.all([this.#permissions(accessToken, facts), this.#features(accessToken, facts)]);
      return permissions.has(permission(featureKey, actionKey)) && features.has(featureKey);
    } catch {
      return false;
    }
  }

  /** The authoritative scoped check, live, with its reasons (throws when NexinID cannot answer). */
  async checkScoped(accessToken: string, featureKey: string, actionKey: string, options: FeatureCheckOptions = {}): Promise<ScopedDecision> {
    const body = { permissions: [{ featureKey, actionKey }], licensedFeatureKey: featureKey, ...(options.resource ? { resource: options.resource } : {}) };
    const response = await this.#call(accessToken, '/api/runtime/authorization/check-scoped', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    if (response.status !== 200) throw new Error(`check-scoped answered ${response.status}`);
    return (await response.json()) as ScopedDecision;
  }

  /**
   * Whether the token's `entitled_editions` hint lists the edition: for
   * non-sensitive UI only (it can be a token lifetime stale, and is present
   * only when the client asked for the `entitled_editions` scope). Never the gate.
   */
  isEntitledToEdition(accessToken: string, editionCode: string): boolean {
    return factsOf(accessToken)?.editions.includes(editionCode) ?? false;
  }

  #permissions(accessToken: string, facts: TokenFacts): Promise<ReadonlySet<string>> {
    return this.#snapshot(accessToken, facts, 'permissions', facts.permVer, '/api/runtime/authorization/snapshot', (body) => {
      const { permVer, permissions } = body as { permVer: number; permissions: Array<{ featureKey: string; actionKey: string }> };
      return { version: permVer, value: new Set(permissions.map((p) => permission(p.featureKey, p.actionKey))) };
    });
  }

  #features(accessToken: string, facts: TokenFacts): Promise<ReadonlySet<string>> {
    return this.#snapshot(accessToken, facts, 'features', facts.entVer, '/api/runtime/entitlements/snapshot', (body) => {
      const { entVer, entitlements } = body as { entVer: number; entitlements: Array<{ applicationId: string; featureKeys: string[] }> };
      return { version: entVer, value: new Set(entitlements.filter((e) => e.applicationId === facts.applicationId).flatMap((e) => e.featureKeys)) };
    });
  }

  async #snapshot(
    accessToken: string,
    facts: TokenFacts,
    kind: keyof Entry,
    tokenVersion: number,
    path: string,
    read: (body: unknown) => { version: number; value: ReadonlySet<string> },
  ): Promise<ReadonlySet<string>> {
    const entry = this.#entry(`${facts.membershipId}:${facts.applicationId}`);
    const cached = entry[kind];
    const now = this.#now();
    if (cached && cached.version >= tokenVersion && now - cached.checkedAt < (this.options.staleAfterMs ?? 30_000)) return cached.value;
    const response = await this.#call(accessToken, path, { headers: cached ? { 'if-none-match': cached.etag } : {} });
    if (response.status === 304 && cached) {
      cached.checkedAt = now;
      return cached.value;
    }
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    const { version, value } = read(await response.json());
    entry[kind] = { etag: response.headers.get('etag') ?? '', version, value, checkedAt: now };
    return value;
  }

  /** The membership's entry, most recently used last; the least recently used goes when the map is full. */
  #entry(key: string): Entry {
    const entry = this.#entries.get(key) ?? {};
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > (this.options.maxEntries ?? 10_000)) this.#entries.delete(this.#entries.keys().next().value!);
    return entry;
  }

  #call(accessToken: string, path: string, init: RequestInit): Promise<Response> {
    return this.#fetch(`${this.#base}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 3_000),
    });
  }
}
