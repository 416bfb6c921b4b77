// A bare oidc-provider with the same token settings as NexinID (ES256 JWT access
// tokens for one resource, the same lifetimes, PKCE, refresh rotation),
// in-memory storage (memory-adapter.mjs), static clients and an interaction
// handler that signs `user-1` in at once.
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { MemoryAdapter } from './memory-adapter.mjs';

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const resource = `${issuer}/api`;
const { privateKey } = await generateKeyPair('ES256', { extractable: true });
const key = { ...(await exportJWK(privateKey)), kid: 'bench', alg: 'ES256', use: 'sig' };

/** Must match setUpBare in run.mjs. */
const BARE_CLIENTS = { cc: { id: 'cc', secret: 'nxs_bench_secret_0123456789abcdefghijklmnopqrstu' }, web: { id: 'web', redirectUri: 'https://rp.example/cb' } };

const provider = new Provider(issuer, {
  // NEXINID_BENCH_BARE_ADAPTER=builtin: oidc-provider's own development adapter (slows down as a run goes on, see memory-adapter.mjs).
  adapter: process.env.NEXINID_BENCH_BARE_ADAPTER === 'builtin' ? undefined : MemoryAdapter,
  jwks: { keys: [key] },
  routes: { authorization: '/connect/authorize', token: '/connect/token', userinfo: '/connect/userinfo', jwks: '/.well-known/jwks.json' },
  clients: [
    {
      client_id: BARE_CLIENTS.cc.id,
      client_secret: BARE_CLIENTS.cc.secret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      client_id: BARE_CLIENTS.web.id,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [BARE_CLIENTS.web.redirectUri],
      id_token_signed_response_alg: 'ES256',
    },
  ],
  scopes: ['openid', 'offline_access', 'profile', 'email'],
  responseTypes: ['code'],
  pkce: { required: () => true },
  // NexinID's lifetimes (libs/identity/src/application/services/token-lifetimes.ts, access tokens 600 s).
  ttl: {
    AccessToken: 600,
    ClientCredentials: 600,
    AuthorizationCode: 60,
    IdToken: 3600,
    RefreshToken: 14 * 24 * 3600,
    Grant: 30 * 24 * 3600,
    Session: 14 * 24 * 3600,
    Interaction: 3600,
  },
  rotateRefreshToken: true,
  issueRefreshToken: async () => true,
  enabledJWA: { idTokenSigningAlgValues: ['ES256'] },
  clientDefaults: { id_token_signed_response_alg: 'ES256', grant_types: ['authorization_code'], response_types: ['code'] },
  cookies: { keys: ['bench-cookie-key-0123456789'] },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resource,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'openid profile email nexidentity.api',
        audience: 'nexidentity.api',
        accessTokenFormat: 'jwt',
        accessTokenTTL: 600,
        jwt: { sign: { alg: 'ES256' } },
      }),
    },
  },
});
const callback = provider.callback();

async function interact(request, response) {
  const details = await provider.interactionDetails(request, response);
  if (details.prompt.name === 'login') {
    return provider.interactionFinished(request, response, { login: { accountId: 'user-1' } }, { mergeWithLastSubmission: false });
  }
  const grant = new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  const missing = details.prompt.details;
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
  const grantId = await grant.save();
  return provider.interactionFinished(request, response, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

createServer((request, response) => {
  if (request.url.startsWith('/interaction/')) interact(request, response).catch(() => response.writeHead(500).end());
  else callback(request, response);
}).listen(port, '127.0.0.1', () => process.send?.('ready'));
// Exit normally on SIGTERM so a --cpu-prof profile is written.
process.on('SIGTERM', () => process.exit(0));
