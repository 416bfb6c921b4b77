import { API_SCOPE, MANIFEST_PUBLISH_SCOPE, OIDC_SCOPES, RUNTIME_AUTHORIZATION_SCOPE } from '../../domain/client/client-type.js';

export const API_AUDIENCE = API_SCOPE;
/** Every scope the NexinID API resource knows. */
export const API_RESOURCE_SCOPES = [API_SCOPE, MANIFEST_PUBLISH_SCOPE, RUNTIME_AUTHORIZATION_SCOPE];
/** Identity scopes are copied into the API token's `scope` too, so a resource server sees what was granted. */
export const ACCESS_TOKEN_SCOPES = [...OIDC_SCOPES.filter((scope) => scope !== 'offline_access'), ...API_RESOURCE_SCOPES];

export const CLIENT_TYPE_METADATA = 'urn:nexinid:client_type';
export const API_SCOPES_METADATA = 'urn:nexinid:api_scopes';
export const REQUIRE_CONSENT_METADATA = 'urn:nexinid:require_consent';

export function apiResourceIndicator(issuer: string): string {
  return `${issuer}/api`;
}

/** Where the provider sends the browser to sign in (the hosted pages), followed by the interaction's uid. */
export const INTERACTION_PATH = '/ui/interaction';

export const OAUTH_PATHS = {
  authorization: '/connect/authorize',
  token: '/connect/token',
  userinfo: '/connect/userinfo',
  end_session: '/connect/endsession',
  revocation: '/connect/revocation',
  introspection: '/connect/introspect',
  pushed_authorization_request: '/connect/par',
  jwks: '/.well-known/jwks.json',
} as const;
