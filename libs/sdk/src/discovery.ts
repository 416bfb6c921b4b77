import { NexinIdUnavailableError } from './errors.js';

export interface DiscoveryDocument {
  issuer: string;
  jwks_uri: string;
  token_endpoint: string;
  [name: string]: unknown;
}

export type Fetch = typeof fetch;

/** Reads `{issuer}/.well-known/openid-configuration` and checks it names the same issuer. */
export async function discover(issuer: string, fetchImpl: Fetch = fetch, timeoutMs = 5_000): Promise<DiscoveryDocument> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  } catch (error) {
    throw new NexinIdUnavailableError(`discovery at ${url} failed: ${(error as Error).message}`);
  }
  if (!response.ok) throw new NexinIdUnavailableError(`discovery at ${url} answered ${response.status}`);
  const document = (await response.json().catch(() => ({}))) as Partial<DiscoveryDocument>;
  if (document.issuer !== issuer.replace(/\/$/, '') || typeof document.jwks_uri !== 'string' || typeof document.token_endpoint !== 'string') {
    throw new NexinIdUnavailableError(`discovery at ${url} does not describe the issuer ${issuer}`);
  }
  return document as DiscoveryDocument;
}
