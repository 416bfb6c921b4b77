import { hkdfSync } from 'node:crypto';
import type { Configuration, ExternalSigningKey, JWK } from 'oidc-provider';
import { errors } from 'oidc-provider';
import type { AppConfig } from '#platform';
import { errorPage, loggedOutPage, logoutPage } from '../../api/hosted-pages/provider-pages.js';
import {
  AUTHORIZATION_CODE_TTL_SECONDS,
  GRANT_TTL_SECONDS,
  ID_TOKEN_TTL_SECONDS,
  INTERACTION_TTL_SECONDS,
  REFRESH_TOKEN_TTL_SECONDS,
  SESSION_TTL_SECONDS,
} from '../../application/services/token-lifetimes.js';
import { ENTITLED_EDITIONS_SCOPE } from '../../domain/client/client-type.js';
import type { AccountClaimsSource } from './account-claims.js';
import { CONSOLE_CLIENT_ID, consoleClient } from './console-client.js';
import { CookieKeys } from './cookie-keys.js';
import {
  ACCESS_TOKEN_SCOPES,
  API_AUDIENCE,
  API_SCOPES_METADATA,
  apiResourceIndicator,
  CLIENT_TYPE_METADATA,
  INTERACTION_PATH,
  OAUTH_PATHS,
  REQUIRE_CONSENT_METADATA,
} from './oauth-constants.js';
import type { SignInGrants } from './sign-in-grants.js';
import { type ClientRecord, mayInspectToken } from './token-access-policy.js';
import type { TokenClaimsSource } from './token-claims.js';

export interface OidcConfigurationDeps {
  config: AppConfig;
  keys: (JWK | ExternalSigningKey)[];
  adapter: Configuration['adapter'];
  accounts: AccountClaimsSource;
  tokenClaims: TokenClaimsSource;
  signInGrants: Pick<SignInGrants, 'afterLogin'>;
}

function derived(masterKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), purpose, 32));
}

const tokenScopes = new WeakMap<object, { list: string; set: ReadonlySet<string> }>();

/** The scopes of our API a client may receive in its access token, kept per client instance (a changed client is a new instance). */
export function allowedTokenScopes(client: ClientRecord): { list: string; set: ReadonlySet<string> } {
  let scopes = tokenScopes.get(client);
  if (!scopes) {
    const api = String(client[API_SCOPES_METADATA] ?? '').split(' ').filter(Boolean);
    const oidc = String(client.scope ?? '').split(' ').filter((scope) => ACCESS_TOKEN_SCOPES.includes(scope));
    const set = new Set([...oidc, ...api]);
    tokenScopes.set(client, (scopes = { list: [...set].join(' '), set }));
  }
  return scopes;
}

export function oidcConfiguration({ config, keys, adapter, accounts, tokenClaims, signInGrants }: OidcConfigurationDeps): Configuration {
  const indicator = apiResourceIndicator(config.issuer);
  return {
    adapter,
    clients: [consoleClient(config.issuer)],
    jwks: { keys },
    routes: OAUTH_PATHS,
    scopes: ['openid', 'offline_access', 'profile', 'email', 'tenant_context', ENTITLED_EDITIONS_SCOPE],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
      tenant_context: ['user_id', 'tenant_id', 'slug', 'organization_id', 'membership_id', 'session_id', 'perm_ver', 'ent_ver'],
    },
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { required: () => true },
    clientAuthMethods: ['none', 'client_secret_basic', 'client_secret_post'],
    clientDefaults: {
      grant_types: ['authorization_code'],
      id_token_signed_response_alg: 'ES256',
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    },
    enabledJWA: {
      idTokenSigningAlgValues: ['ES256'],
      userinfoSigningAlgValues: ['ES256'],
      introspectionSigningAlgValues: ['ES256'],
      authorizationSigningAlgValues: ['ES256'],
      requestObjectSigningAlgValues: ['ES256', 'EdDSA', 'PS256', 'RS256'],
      clientAuthSigningAlgValues: ['ES256', 'EdDSA', 'PS256', 'RS256'],
    },
    extraClientMetadata: {
      properties: ['tenant_id', 'organization_id', 'application_id', CLIENT_TYPE_METADATA, API_SCOPES_METADATA, REQUIRE_CONSENT_METADATA],
    },
    cookies: {
      keys: new CookieKeys([derived(config.masterKey, 'nexinid/cookie-key-1').toString('base64url')]),
      long: { signed: true, httpOnly: true, sameSite: 'lax' },
      short: { signed: true, httpOnly: true, sameSite: 'lax' },
    },
    ttl: {
      AccessToken: config.accessTokenTtlSeconds,
      ClientCredentials: config.accessTokenTtlSeconds,
      AuthorizationCode: AUTHORIZATION_CODE_TTL_SECONDS,
      IdToken: ID_TOKEN_TTL_SECONDS,
      RefreshToken: REFRESH_TOKEN_TTL_SECONDS,
      Grant: GRANT_TTL_SECONDS,
      Session: SESSION_TTL_SECONDS,
      Interaction: INTERACTION_TTL_SECONDS,
    },
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && (code.scopes.has('offline_access') || client.clientId === CONSOLE_CLIENT_ID),
    findAccount: (ctx, sub, token) => accounts.findAccount(ctx, sub, token as never),
    extraTokenClaims: (ctx, token) => tokenClaims.extraTokenClaims(ctx, token as never) as never,
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}` },
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      const grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      // An RP that asks for an organization gets a new grant (and a new choice), unless this request just made it.
      const choosingAgain = Boolean(ctx.oidc.params?.organization_id) && !ctx.oidc.result?.consent?.grantId;
      return grant && !choosingAgain && (await accounts.grantStillUsable(ctx, grant.jti)) ? grant : signInGrants.afterLogin(ctx);
    },
    extraParams: ['organization_id', 'login_hint_tenant'],
    // Spec 001 has resource servers check nbf; an access token is valid from the moment it is issued.
    formats: { customizers: { jwt: (_ctx, _token, jwt) => void (jwt.payload.nbf = jwt.payload.iat) } },
    features: {
      devInteractions: { enabled: false },
      // The signing thread's keys (ThreadSigningKey); the ack pins the experiment's version, so a changed one fails at start-up.
      externalSigningSupport: { enabled: true, ack: 'experimental-01' },
      clientCredentials: { enabled: true },
      introspection: { enabled: true, allowedPolicy: (ctx, client, token) => mayInspectToken(ctx, client as never, token as never) },
      revocation: {
        enabled: true,
        allowedPolicy: async (ctx, client, token) => {
          if (await mayInspectToken(ctx, client as never, token as never)) return true;
          throw new errors.InvalidRequest('client is not authorized to revoke the presented token');
        },
      },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form, ctx.host);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = loggedOutPage(ctx.oidc.client?.clientName);
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => indicator,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource, client) => {
          if (resource !== indicator) throw new errors.InvalidTarget();
          return {
            scope: allowedTokenScopes(client as unknown as ClientRecord).list,
            audience: API_AUDIENCE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: config.accessTokenTtlSeconds,
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
    },
    clientBasedCORS: (ctx, origin, client) => {
      if (origin === 'null') return false;
      return client.redirectUris?.some((uri) => URL.parse(uri)?.origin === origin) ?? false;
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(out as unknown as Record<string, unknown>);
    },
  };
}
