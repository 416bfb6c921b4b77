import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { BrowserSession } from './browser-session.js';
import type { TestNexinId } from './nexinid.js';

export const CONSOLE_CLIENT_ID = 'nexinid-console';
export const CONSOLE_SCOPE = 'openid profile email tenant_context nexidentity.api';

export interface SignInOptions {
  email: string;
  password: string;
  /** Sent as `organization_id`: signs in with the membership in that organization (else the first offered). */
  organizationId?: string;
  clientId?: string;
  redirectUri?: string;
  scope?: string;
}

export interface SignedIn {
  accessToken: string;
  idToken: string;
  refreshToken?: string;
  claims: Record<string, unknown>;
  browser: BrowserSession;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Starts an authorization request and answers the hosted login page; returns where the browser ends up. */
export async function authorize(nexinid: TestNexinId, options: SignInOptions, browser = new BrowserSession(nexinid.baseUrl)) {
  const { verifier, challenge } = pkcePair();
  const redirectUri = options.redirectUri ?? `${nexinid.baseUrl}/docs/oauth2-redirect.html`;
  const scope = options.scope ?? CONSOLE_SCOPE;
  const query = new URLSearchParams({
    client_id: options.clientId ?? CONSOLE_CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: randomBytes(8).toString('hex'),
    // A nonce belongs to OpenID requests only: the provider refuses one without the openid scope.
    ...(scope.split(' ').includes('openid') ? { nonce: randomBytes(8).toString('hex') } : {}),
    ...(options.organizationId ? { organization_id: options.organizationId } : {}),
  });
  const start = await browser.follow(await browser.get(`/connect/authorize?${query}`));
  const loginUrl = start.response.url;
  await start.response.text();
  const uid = new URL(loginUrl).pathname.split('/')[3];
  let step = await browser.follow(await browser.postForm(`/ui/interaction/${uid}/login`, { email: options.email, password: options.password }));
  if (!step.leftTo && step.response.status === 200) {
    const page = await step.response.text();
    const offered = [...page.matchAll(/name="membershipId" value="([^"]+)"/g)].map((match) => match[1]);
    step = await browser.follow(await browser.postForm(`/ui/interaction/${uid}/confirm`, { membershipId: offered[0] ?? '' }));
  }
  return { ...step, verifier, redirectUri, browser };
}

/** Real Authorization Code + PKCE through the hosted pages, as a tenant admin's script does it. */
export async function signIn(nexinid: TestNexinId, options: SignInOptions): Promise<SignedIn> {
  const { leftTo, response, verifier, redirectUri, browser } = await authorize(nexinid, options);
  const code = leftTo?.searchParams.get('code');
  if (!code) throw new Error(`sign-in did not return a code (status ${response.status}, ${leftTo ?? (await response.text()).slice(0, 300)})`);
  const token = await fetch(`${nexinid.baseUrl}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: options.clientId ?? CONSOLE_CLIENT_ID,
      code_verifier: verifier,
    }),
  });
  const body = (await token.json()) as Record<string, string>;
  if (token.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(body)}`);
  return { accessToken: body.access_token, idToken: body.id_token, refreshToken: body.refresh_token, claims: decodeJwt(body.access_token), browser };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

/** A url-encoded POST, as OAuth endpoints take their parameters. */
export function formPost(fields: Record<string, string>): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() };
}
