import type { FeatureManifestDocument } from '../../../libs/authorization/src/domain/manifest/index.js';

export const PUBLISH_SCOPE = 'nexidentity.runtime_manifest_publish';

/** The server could not be reached or answered something that is not an API answer: exit 2, worth a retry. */
export class NetworkError extends Error {}

export interface Publisher {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const basic = ({ clientId, clientSecret }: Publisher) =>
  `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;

async function call(url: string, init: RequestInit): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new NetworkError(`cannot reach ${new URL(url).origin}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
  }
  const text = await response.text();
  try {
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  } catch {
    throw new NetworkError(`${url} answered ${response.status} with a body that is not JSON`);
  }
}

/** Client credentials at the token endpoint (client_secret_basic). Answers the token, or the token endpoint's refusal. */
export async function fetchToken(publisher: Publisher): Promise<{ token: string } | { refused: Answer }> {
  const answer = await call(`${publisher.issuer}/connect/token`, {
    method: 'POST',
    headers: { authorization: basic(publisher), 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: PUBLISH_SCOPE }).toString(),
  });
  if (answer.status === 200 && typeof answer.body.access_token === 'string') return { token: answer.body.access_token };
  return { refused: answer };
}

export function publish(publisher: Publisher, authorization: string | 'basic', applicationKey: string, document: FeatureManifestDocument, flags: { dryRun: boolean; prune: boolean }): Promise<Answer> {
  const query = new URLSearchParams({ ...(flags.dryRun ? { dryRun: 'true' } : {}), ...(flags.prune ? { prune: 'true' } : {}) }).toString();
  return call(`${publisher.issuer}/api/runtime/applications/${encodeURIComponent(applicationKey)}/manifest${query ? `?${query}` : ''}`, {
    method: 'PUT',
    headers: { authorization: authorization === 'basic' ? basic(publisher) : `Bearer ${authorization}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(document),
  });
}
