import { DomainError } from '#kernel';

export type ClientType = 'InteractiveWeb' | 'Automation' | 'ManifestPublisher';
export const CLIENT_TYPES: readonly ClientType[] = ['InteractiveWeb', 'Automation', 'ManifestPublisher'];

export const API_SCOPE = 'nexidentity.api';
export const MANIFEST_PUBLISH_SCOPE = 'nexidentity.runtime_manifest_publish';
/** Lets a service ask the runtime authorization check on behalf of a membership of its own tenant. */
export const RUNTIME_AUTHORIZATION_SCOPE = 'nexidentity.runtime_authorization';
/**
 * Opt-in, never a default: puts the coarse list of edition codes the membership
 * holds a seat for into the access token (`entitled_editions`), a UI hint that
 * may be a token lifetime stale; the runtime check is the gate.
 */
export const ENTITLED_EDITIONS_SCOPE = 'entitled_editions';
/** OIDC (identity) scopes; everything else is a scope of the NexinID API resource. */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'tenant_context', 'offline_access', ENTITLED_EDITIONS_SCOPE] as const;

interface TypeRules {
  /** Scopes this type may be granted. */
  allowed: readonly string[];
  /** Scopes given when none are asked for at creation. */
  defaults: readonly string[];
  hasSecret: boolean;
  redirects: 'required' | 'forbidden';
}

export const CLIENT_TYPE_RULES: Record<ClientType, TypeRules> = {
  InteractiveWeb: {
    allowed: [...OIDC_SCOPES, API_SCOPE],
    // ENTITLED_EDITIONS_SCOPE is allowed (it is in OIDC_SCOPES) but deliberately not a default.
    defaults: ['openid', 'profile', 'email', 'tenant_context', 'offline_access', API_SCOPE],
    hasSecret: false,
    redirects: 'required',
  },
  Automation: { allowed: [API_SCOPE, RUNTIME_AUTHORIZATION_SCOPE], defaults: [API_SCOPE], hasSecret: true, redirects: 'forbidden' },
  ManifestPublisher: {
    allowed: [MANIFEST_PUBLISH_SCOPE],
    defaults: [MANIFEST_PUBLISH_SCOPE],
    hasSecret: true,
    redirects: 'forbidden',
  },
};

export function resolveScopes(type: ClientType, requested: readonly string[] | undefined): string[] {
  const rules = CLIENT_TYPE_RULES[type];
  if (requested === undefined) return [...rules.defaults];
  const unknown = requested.filter((scope) => !rules.allowed.includes(scope));
  if (unknown.length > 0) {
    throw new DomainError(
      'identity.invalid_scope',
      `${type} clients cannot have the scope ${unknown.join(', ')}; allowed: ${rules.allowed.join(' ')}.`,
      { scopes: unknown },
    );
  }
  if (type === 'InteractiveWeb' && !requested.includes('openid')) {
    throw new DomainError('identity.invalid_scope', 'InteractiveWeb clients need the openid scope.', { scopes: ['openid'] });
  }
  return [...new Set(requested)];
}
