#!/usr/bin/env node
// Signs in to NexinID as a user with Authorization Code + PKCE through the
// hosted login and prints the access token: the scripted path of the README
// walkthrough. The client is nexinid-console unless --client-id names a public
// InteractiveWeb client (with one of its --redirect-uri); the redirect is not
// loaded, the code is taken from it.
//   NEXINID_PASSWORD=... node scripts/sign-in.mjs --email ada@acme.example [--issuer http://localhost:3000] [--organization ID]
//     [--client-id ID --redirect-uri URI] [--scope 'openid ...'] [--json]
import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    issuer: { type: 'string', default: process.env.NEXINID_ISSUER ?? 'http://localhost:3000' },
    email: { type: 'string' },
    organization: { type: 'string' },
    'client-id': { type: 'string', default: 'nexinid-console' },
    'redirect-uri': { type: 'string' },
    scope: { type: 'string', default: 'openid profile email tenant_context nexidentity.api' },
    json: { type: 'boolean' },
  },
});
const password = process.env.NEXINID_PASSWORD;
const clientId = values['client-id'];
if (!values.email || !password || (clientId !== 'nexinid-console' && !values['redirect-uri'])) {
  process.stderr.write(
    'usage: NEXINID_PASSWORD=... node scripts/sign-in.mjs --email EMAIL [--issuer URL] [--organization ID] [--client-id ID --redirect-uri URI] [--scope SCOPES] [--json]\n',
  );
  process.exit(2);
}
const issuer = values.issuer.replace(/\/+$/, '');
const redirectUri = values['redirect-uri'] ?? `${issuer}/docs/oauth2-redirect.html`;
const cookies = new Map();

async function go(url, init = {}) {
  const headers = new Headers(init.headers);
  headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
  const response = await fetch(new URL(url, issuer), { ...init, headers, redirect: 'manual' });
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return response;
}

async function follow(response) {
  for (let hops = 0; hops < 20; hops += 1) {
    const location = response.headers.get('location');
    if (!location) return { response };
    const next = new URL(location, issuer);
    if (`${next.origin}${next.pathname}` === redirectUri) return { redirect: next };
    response = await go(next);
  }
  throw new Error('too many redirects');
}

const form = (fields) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
const verifier = randomBytes(32).toString('base64url');
const query = new URLSearchParams({
  client_id: clientId,
  response_type: 'code',
  redirect_uri: redirectUri,
  scope: values.scope,
  code_challenge: createHash('sha256').update(verifier).digest('base64url'),
  code_challenge_method: 'S256',
  state: randomBytes(8).toString('hex'),
  ...(values.organization ? { organization_id: values.organization } : {}),
});
const login = await follow(await go(`/connect/authorize?${query}`));
const loginPath = login.response ? new URL(login.response.url).pathname : '';
if (!loginPath.startsWith('/ui/interaction/')) {
  const refused = login.redirect?.searchParams.get('error_description') ?? login.redirect?.searchParams.get('error');
  process.stderr.write(`authorization refused: ${refused ?? `HTTP ${login.response?.status} (an unknown client or unregistered redirect URI?)`}\n`);
  process.exit(1);
}
const uid = loginPath.split('/')[3];
let step = await follow(await go(`/ui/interaction/${uid}/login`, form({ email: values.email, password })));
if (step.response?.status === 200) {
  const choice = /name="membershipId" value="([^"]+)"/.exec(await step.response.text());
  step = await follow(await go(`/ui/interaction/${uid}/confirm`, form({ membershipId: choice?.[1] ?? '' })));
}
const code = step.redirect?.searchParams.get('code');
if (!code) {
  const refused = step.redirect?.searchParams.get('error');
  process.stderr.write(refused ? `sign-in refused: ${refused}\n` : `sign-in failed (HTTP ${step.response?.status}): check the email and password\n`);
  process.exit(1);
}
const token = await fetch(`${issuer}/connect/token`, form({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: verifier }));
const body = await token.json();
if (!token.ok) {
  process.stderr.write(`token exchange failed: ${JSON.stringify(body)}\n`);
  process.exit(1);
}
process.stdout.write(values.json ? `${JSON.stringify(body, null, 2)}\n` : `${body.access_token}\n`);
