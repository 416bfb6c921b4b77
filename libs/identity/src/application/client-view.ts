import type { OAuthClient } from '../domain/client/oauth-client.js';
import type { ClientType } from '../domain/client/client-type.js';

export interface ClientView {
  clientId: string;
  applicationId: string;
  organizationId: string;
  type: ClientType;
  name: string;
  status: 'active' | 'disabled';
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  scopes: string[];
  requireConsent: boolean;
  hasSecret: boolean;
  secretRotatedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toClientView(client: OAuthClient): ClientView {
  const state = client.snapshot();
  return {
    clientId: state.clientId,
    applicationId: state.applicationId,
    organizationId: state.organizationId,
    type: state.type,
    name: state.name,
    status: state.status,
    redirectUris: state.redirectUris,
    postLogoutRedirectUris: state.postLogoutRedirectUris,
    scopes: state.scopes,
    requireConsent: state.requireConsent,
    hasSecret: client.hasSecret,
    secretRotatedAt: state.secretRotatedAt?.toISOString() ?? null,
    createdAt: state.createdAt.toISOString(),
    updatedAt: state.updatedAt.toISOString(),
  };
}

/** The audit-relevant fields of a client (never the secret hash). */
export function auditedFields(client: OAuthClient): Record<string, unknown> {
  const { clientId, type, name, status, redirectUris, postLogoutRedirectUris, scopes, requireConsent } = client.snapshot();
  return { clientId, type, name, status, redirectUris, postLogoutRedirectUris, scopes, requireConsent };
}
