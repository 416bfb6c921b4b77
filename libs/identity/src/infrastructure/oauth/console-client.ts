import type { ClientMetadata } from 'oidc-provider';
import { API_SCOPES_METADATA, CLIENT_TYPE_METADATA } from './oauth-constants.js';

export const CONSOLE_CLIENT_ID = 'nexinid-console';

/**
 * The built-in first-party public client: Swagger UI at /docs and tenant
 * admins' scripts sign in to the admin API with it (Authorization Code + PKCE).
 */
export function consoleClient(issuer: string): ClientMetadata {
  return {
    client_id: CONSOLE_CLIENT_ID,
    client_name: 'NexinID Console',
    application_type: 'web',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [`${issuer}/docs/oauth2-redirect.html`],
    post_logout_redirect_uris: [`${issuer}/docs`],
    scope: 'openid offline_access profile email tenant_context',
    [CLIENT_TYPE_METADATA]: 'InteractiveWeb',
    [API_SCOPES_METADATA]: 'nexidentity.api',
  };
}
