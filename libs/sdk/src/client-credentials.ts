import { discover, type Fetch } from './discovery.js';
import { NexinIdUnavailableError } from './errors.js';

export interface ClientCredentialsOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes to ask for (default: the client's registered scopes). */
  scope?: string;
  /** Renew this many seconds before expiry (default 60, at most half the lifetime). */
  refreshBeforeExpirySeconds?: number;
  fetch?: Fetch;
}

/** The token endpoint refused the client (wrong secret, disabled client, scope not allowed). */
export class ClientCredentialsError extends Error {
  override readonly name = 'ClientCredentialsError';

  constructor(
    readonly error: string,
    readonly description: string | undefined,
  ) {
    super(description ? `${error}: ${description}` : error);
  }
}

interface Held {
  token: string;
  renewAt: number;
  expiresAt: number;
}

/**
 * Client-credentials access tokens for a service: one token is reused until
 * shortly before it expires, then renewed; concurrent callers share one
 * request. A failed renewal while the held token is still valid keeps using it.
 */
export class ClientCredentialsTokenSource {
  #held: Held | undefined;
  #inFlight: Promise<Held> | undefined;
  #tokenEndpoint: string | undefined;

  constructor(private readonly options: ClientCredentialsOptions) {}

  async getToken(now = Date.now()): Promise<string> {
    const held = this.#held;
    if (held && now < held.renewAt) return held.token;
    try {
      return (await this.#renew()).token;
    } catch (error) {
      if (held && now < held.expiresAt && error instanceof NexinIdUnavailableError) return held.token;
      throw error;
    }
  }

  #renew(): Promise<Held> {
    this.#inFlight ??= this.#request().finally(() => (this.#inFlight = undefined));
    return this.#inFlight;
  }

  async #request(): Promise<Held> {
    const fetchImpl = this.options.fetch ?? fetch;
    this.#tokenEndpoint ??= (await discover(this.options.issuer, fetchImpl)).token_endpoint;
    const body = new URLSearchParams({ grant_type: 'client_credentials', ...(this.options.scope ? { scope: this.options.scope } : {}) });
    const basic = Buffer.from(`${encodeURIComponent(this.options.clientId)}:${encodeURIComponent(this.options.clientSecret)}`).toString('base64');
    let response: Response;
    try {
      response = await fetchImpl(this.#tokenEndpoint, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new NexinIdUnavailableError(`token request failed: ${(error as Error).message}`);
    }
    const answer = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
    if (response.status >= 500) throw new NexinIdUnavailableError(`token endpoint answered ${response.status}`);
    if (!response.ok || !answer.access_token) throw new ClientCredentialsError(answer.error ?? `http_${response.status}`, answer.error_description);
    const lifetime = (answer.expires_in ?? 300) * 1000;
    const early = Math.min((this.options.refreshBeforeExpirySeconds ?? 60) * 1000, lifetime / 2);
    const issuedAt = Date.now();
    this.#held = { token: answer.access_token, renewAt: issuedAt + lifetime - early, expiresAt: issuedAt + lifetime };
    return this.#held;
  }
}
