import { randomBytes } from 'node:crypto';
import { AggregateRoot, DomainError, domainEvent } from '#kernel';
import { CLIENT_TYPE_RULES, type ClientType, resolveScopes } from './client-type.js';
import { validateRedirectUris } from './redirect-uri.js';

export type ClientStatus = 'active' | 'disabled';

export interface OAuthClientState {
  clientId: string;
  tenantId: string;
  organizationId: string;
  applicationId: string;
  type: ClientType;
  name: string;
  status: ClientStatus;
  secretHash: string | null;
  secretRotatedAt: Date | null;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  scopes: string[];
  requireConsent: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface ClientSettings {
  name?: string;
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
  scopes?: string[];
  requireConsent?: boolean;
}

const PREFIX: Record<ClientType, string> = { InteractiveWeb: 'web', Automation: 'svc', ManifestPublisher: 'pub' };

/** A fresh secret (256 bits) that the caller sees once; only its keyed hash is stored. */
export function generateClientSecret(): string {
  return `nxs_${randomBytes(32).toString('base64url')}`;
}

/** An OAuth client of an application. Secrets never live here in plain text. */
export class OAuthClient extends AggregateRoot {
  private constructor(private state: OAuthClientState) {
    super();
  }

  static provision(
    owner: { tenantId: string; organizationId: string; applicationId: string },
    type: ClientType,
    settings: ClientSettings & { name: string },
    secretHash: string | null,
    now: Date,
  ): OAuthClient {
    const rules = CLIENT_TYPE_RULES[type];
    const client = new OAuthClient({
      clientId: `${PREFIX[type]}_${randomBytes(16).toString('base64url')}`,
      ...owner,
      type,
      name: settings.name.trim(),
      status: 'active',
      secretHash: rules.hasSecret ? secretHash : null,
      secretRotatedAt: rules.hasSecret ? now : null,
      redirectUris: [],
      postLogoutRedirectUris: [],
      scopes: resolveScopes(type, settings.scopes),
      requireConsent: settings.requireConsent ?? false,
      createdAt: now,
      updatedAt: now,
    });
    client.applyUris(settings);
    client.record(domainEvent('client.created', owner.tenantId, client.clientId, { clientId: client.clientId, type }, now));
    return client;
  }

  static restore(state: OAuthClientState): OAuthClient {
    return new OAuthClient({ ...state });
  }

  get clientId(): string {
    return this.state.clientId;
  }
  get type(): ClientType {
    return this.state.type;
  }
  get hasSecret(): boolean {
    return CLIENT_TYPE_RULES[this.state.type].hasSecret;
  }

  update(settings: ClientSettings, now: Date): void {
    if (settings.name !== undefined) this.state.name = settings.name.trim();
    if (settings.scopes !== undefined) this.state.scopes = resolveScopes(this.state.type, settings.scopes);
    if (settings.requireConsent !== undefined) this.state.requireConsent = settings.requireConsent;
    this.applyUris(settings);
    this.touch('client.updated', now);
  }

  disable(now: Date): void {
    this.state.status = 'disabled';
    this.touch('client.disabled', now);
  }

  enable(now: Date): void {
    this.state.status = 'active';
    this.touch('client.enabled', now);
  }

  rotateSecret(secretHash: string, now: Date): void {
    if (!this.hasSecret) {
      throw new DomainError('identity.client_has_no_secret', `${this.state.type} clients are public and have no secret.`);
    }
    this.state.secretHash = secretHash;
    this.state.secretRotatedAt = now;
    this.touch('client.secret_rotated', now);
  }

  markDeleted(now: Date): void {
    this.record(domainEvent('client.deleted', this.state.tenantId, this.clientId, { clientId: this.clientId }, now));
  }

  snapshot(): OAuthClientState {
    return { ...this.state, redirectUris: [...this.state.redirectUris], postLogoutRedirectUris: [...this.state.postLogoutRedirectUris], scopes: [...this.state.scopes] };
  }

  private applyUris(settings: ClientSettings): void {
    const rules = CLIENT_TYPE_RULES[this.state.type];
    const redirectUris = settings.redirectUris !== undefined ? validateRedirectUris(settings.redirectUris, 'redirectUris') : this.state.redirectUris;
    const postLogout =
      settings.postLogoutRedirectUris !== undefined
        ? validateRedirectUris(settings.postLogoutRedirectUris, 'postLogoutRedirectUris')
        : this.state.postLogoutRedirectUris;
    if (rules.redirects === 'required' && redirectUris.length === 0) {
      throw new DomainError('identity.invalid_redirect_uri', `${this.state.type} clients need at least one redirect URI.`, {
        errors: [{ field: 'redirectUris', message: 'at least one redirect URI is required' }],
      });
    }
    if (rules.redirects === 'forbidden' && (redirectUris.length > 0 || postLogout.length > 0)) {
      throw new DomainError('identity.invalid_redirect_uri', `${this.state.type} clients use client credentials and take no redirect URIs.`, {
        errors: [{ field: 'redirectUris', message: 'not allowed for this client type' }],
      });
    }
    this.state.redirectUris = redirectUris;
    this.state.postLogoutRedirectUris = postLogout;
  }

  private touch(type: string, now: Date): void {
    this.state.updatedAt = now;
    this.record(domainEvent(type, this.state.tenantId, this.clientId, { clientId: this.clientId }, now));
  }
}
