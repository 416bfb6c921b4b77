import { Injectable } from '@nestjs/common';
import type { ActiveClient } from '../../application/ports/active-clients.js';
import { ClientCache } from '../../application/ports/client-cache.js';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { DataSource } from 'typeorm';
import { storableText } from '#platform';
import { CLIENT_TYPE_RULES, type ClientType, OIDC_SCOPES } from '../../domain/client/client-type.js';
import { OAuthClientOrmEntity } from '../persistence/oauth-client.orm-entity.js';
import { API_SCOPES_METADATA, CLIENT_TYPE_METADATA, REQUIRE_CONSENT_METADATA } from './oauth-constants.js';

/**
 * How long another instance may keep serving a changed client. The instance
 * that made the change drops its entry at commit.
 */
const CACHE_MS = 5_000;

function clientMetadata(row: OAuthClientOrmEntity): AdapterPayload {
  const type = row.type as ClientType;
  const oidcScopes = row.scopes.filter((scope) => (OIDC_SCOPES as readonly string[]).includes(scope));
  const apiScopes = row.scopes.filter((scope) => !(OIDC_SCOPES as readonly string[]).includes(scope));
  const common = {
    client_id: row.clientId,
    client_name: row.name,
    tenant_id: row.tenantId,
    organization_id: row.organizationId,
    application_id: row.applicationId,
    [CLIENT_TYPE_METADATA]: type,
    [API_SCOPES_METADATA]: apiScopes.join(' '),
    [REQUIRE_CONSENT_METADATA]: row.requireConsent,
  };
  if (CLIENT_TYPE_RULES[type].hasSecret) {
    return {
      ...common,
      client_secret: row.secretHash ?? undefined,
      client_secret_expires_at: 0,
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    };
  }
  return {
    ...common,
    token_endpoint_auth_method: 'none',
    application_type: 'web',
    grant_types: oidcScopes.includes('offline_access') ? ['authorization_code', 'refresh_token'] : ['authorization_code'],
    response_types: ['code'],
    redirect_uris: row.redirectUris,
    post_logout_redirect_uris: row.postLogoutRedirectUris,
    scope: oidcScopes.join(' '),
  };
}

/**
 * oidc-provider's `Client` model served read-only from the tenant-managed
 * client table. Disabled clients are not found, so they fail as invalid_client.
 */
@Injectable()
export class ClientAdapterSource extends ClientCache {
  readonly #cache = new Map<string, { at: number; metadata: AdapterPayload | undefined }>();
  /** Summaries of cached metadata objects for other contexts, built once per cache entry. */
  readonly #summaries = new WeakMap<AdapterPayload, ActiveClient>();

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  invalidate(clientId: string): void {
    this.#cache.delete(clientId);
  }

  async find(clientId: string): Promise<AdapterPayload | undefined> {
    if (!storableText(clientId)) return undefined; // no client id is such text, and PostgreSQL would refuse the lookup
    const cached = this.#cache.get(clientId);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.metadata;
    const row = await this.dataSource.getRepository(OAuthClientOrmEntity).findOneBy({ clientId });
    const metadata = row && row.status === 'active' ? clientMetadata(row) : undefined;
    if (this.#cache.size > 10_000) this.#cache.clear();
    this.#cache.set(clientId, { at: Date.now(), metadata });
    return metadata;
  }

  async active(clientId: string): Promise<ActiveClient | null> {
    const metadata = await this.find(clientId);
    if (!metadata) return null;
    let summary = this.#summaries.get(metadata);
    if (!summary) this.#summaries.set(metadata, (summary = Object.freeze(this.#summary(metadata))));
    return summary;
  }

  #summary(metadata: AdapterPayload): ActiveClient {
    const apiScopes = String(metadata[API_SCOPES_METADATA] ?? '');
    return {
      clientId: String(metadata.client_id),
      name: String(metadata.client_name ?? metadata.client_id),
      tenantId: String(metadata.tenant_id),
      organizationId: String(metadata.organization_id),
      applicationId: String(metadata.application_id),
      type: metadata[CLIENT_TYPE_METADATA] as ClientType,
      scopes: Object.freeze([...String(metadata.scope ?? '').split(' '), ...apiScopes.split(' ')].filter(Boolean)) as string[],
      secretHash: typeof metadata.client_secret === 'string' ? metadata.client_secret : null,
    };
  }

  adapter(): Adapter {
    const refuse = async (): Promise<never> => {
      throw new Error('clients are managed through the REST API');
    };
    return {
      find: (id: string) => this.find(id),
      upsert: refuse,
      findByUid: async () => undefined,
      findByUserCode: async () => undefined,
      consume: refuse,
      destroy: refuse,
      revokeByGrantId: refuse,
    };
  }
}
