import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type Provider from 'oidc-provider';
import type { ExternalSigningKey, JWK, KoaContextWithOIDC } from 'oidc-provider';
import { DataSource } from 'typeorm';
import { AppConfig, AuditTrail, oauthTokensIssued, preparedStatements, SecretHasher } from '#platform';
import { SigningKeyStore } from '../../application/ports/signing-key-store.js';
import { SigningKeyRotation } from '../../application/services/signing-key-rotation.js';
import { publicationOrder } from '../../domain/signing-key/key-rotation-plan.js';
import { SigningThread } from '../keys/signing-thread.js';
import { ThreadSigningKey } from '../keys/thread-signing-key.js';
import { AccountClaimsSource } from './account-claims.js';
import { ClientAdapterSource } from './client.adapter.js';
import { keepClientInstances, verifyClientSecrets } from './client-instances.js';
import type { JwtIntrospection } from './jwt-introspection.js';
import { createNexinProvider } from './nexin-provider.js';
import { API_RESOURCE_SCOPES } from './oauth-constants.js';
import { oidcConfiguration } from './oidc-configuration.js';
import { PayloadAdapter, type PayloadStore, payloadStore } from './payload.adapter.js';
import { SignInGrants } from './sign-in-grants.js';
import { TokenClaimsSource } from './token-claims.js';

const KEY_CHECK_MS = 60_000;

type Callback = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Owns the current oidc-provider instance. oidc-provider has no API to change
 * keys at runtime, so a key change (rotation here or on another instance) is
 * applied by building a new instance (~1 ms) and swapping it in; all state
 * lives in the database, so sessions, codes and refresh tokens survive.
 */
@Injectable()
export class OidcProviderHolder implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  readonly #logger = new Logger('OidcProvider');
  #provider!: Provider;
  #callback!: Callback;
  #publicKeys: JWK[] = [];
  #fingerprint = '';
  #timer: NodeJS.Timeout | undefined;
  readonly #listeners = new Set<() => void>();
  readonly #store: PayloadStore;
  readonly #signingThread = new SigningThread();
  #jwtIntrospection: JwtIntrospection | undefined;

  constructor(
    private readonly config: AppConfig,
    dataSource: DataSource,
    private readonly keys: SigningKeyStore,
    private readonly rotation: SigningKeyRotation,
    private readonly clients: ClientAdapterSource,
    private readonly accounts: AccountClaimsSource,
    private readonly tokenClaims: TokenClaimsSource,
    private readonly signInGrants: SignInGrants,
    private readonly hasher: SecretHasher,
    private readonly audit: AuditTrail,
  ) {
    this.#store = payloadStore(preparedStatements(dataSource));
  }

  get provider(): Provider {
    return this.#provider;
  }

  get callback(): Callback {
    return this.#callback;
  }

  /** Public keys currently published in JWKS (signer first). */
  get publicKeys(): JWK[] {
    return this.#publicKeys;
  }

  /** Introspection of our JWT access tokens, which the provider refuses as structured (set by JwtIntrospection, which needs the keys this holds). */
  introspectJwtsWith(introspection: JwtIntrospection): void {
    this.#jwtIntrospection = introspection;
  }

  onKeysChanged(listener: () => void): void {
    this.#listeners.add(listener);
  }

  async onModuleInit(): Promise<void> {
    await this.rotation.reconcile();
    await this.reload();
  }

  onApplicationBootstrap(): void {
    this.#timer = setInterval(() => void this.refresh(), KEY_CHECK_MS);
    this.#timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.#timer);
    await this.#signingThread.close();
  }

  /** Applies the rotation schedule and picks up keys changed by other instances. */
  async refresh(): Promise<void> {
    try {
      await this.rotation.reconcile();
      await this.reload();
    } catch (error) {
      this.#logger.error(`signing key refresh failed: ${String(error)}`);
    }
  }

  async reload(): Promise<void> {
    const keys = publicationOrder(await this.keys.list());
    const fingerprint = keys.map((key) => `${key.kid}:${key.status}`).join(',');
    if (fingerprint === this.#fingerprint) return;
    this.#provider = this.build(ThreadSigningKey.adopt(this.#signingThread, keys.map((key) => key.privateJwk)));
    this.#callback = this.#provider.callback() as Callback;
    this.#publicKeys = keys.map((key) => key.publicJwk);
    this.#fingerprint = fingerprint;
    this.#logger.log(`provider built with keys ${fingerprint}`);
    for (const listener of this.#listeners) listener();
  }

  private build(keys: (JWK | ExternalSigningKey)[]): Provider {
    const adapter = (model: string) => (model === 'Client' ? this.clients.adapter() : new PayloadAdapter(model, this.#store));
    const provider = createNexinProvider(
      this.config.issuer,
      oidcConfiguration({ config: this.config, keys, adapter, accounts: this.accounts, tokenClaims: this.tokenClaims, signInGrants: this.signInGrants }),
    );
    provider.proxy = this.config.trustProxy;
    keepClientInstances(provider.Client, this.clients);
    verifyClientSecrets(provider.Client, this.hasher);
    provider.on('grant.success', (ctx: KoaContextWithOIDC) => this.auditClientCredentials(ctx));
    provider.on('server_error', (_ctx: unknown, error: Error) => this.#logger.error(`oidc server_error: ${error.stack ?? error}`));
    const { deferredConsume } = this.#store;
    // One middleware around every provider request (each layer costs every token request a little).
    provider.use(async (ctx, next) => {
      try {
        await next();
      } finally {
        await deferredConsume.settle(ctx);
      }
      const introspection = this.#jwtIntrospection;
      if (introspection?.refusedAsStructured(ctx as KoaContextWithOIDC)) await introspection.answer(ctx as KoaContextWithOIDC);
      // Counted once the answer is final: a redemption that lost as the request ended issued nothing.
      if (ctx.oidc?.route === 'token' && ctx.status === 200) oauthTokensIssued.inc(String(ctx.oidc.params?.grant_type ?? 'unknown'));
      if (ctx.oidc?.route === 'jwks') ctx.set('Cache-Control', 'public, max-age=300');
      // The provider lists only the OpenID scopes; the API resource's scopes are requested the same way.
      if (ctx.oidc?.route === 'discovery' && ctx.status === 200) (ctx.body as { scopes_supported: string[] }).scopes_supported.push(...API_RESOURCE_SCOPES);
    });
    return provider;
  }

  /** Client-credentials tokens leave a `token.issued` audit row, written in batches (no write on the token path). */
  private auditClientCredentials(ctx: KoaContextWithOIDC): void {
    const grantType = String(ctx.oidc.params?.grant_type ?? 'unknown');
    if (grantType !== 'client_credentials') return;
    const client = ctx.oidc.client as unknown as Record<string, string> | undefined;
    if (!client?.tenant_id) return;
    this.audit.recordLater({
      tenantId: client.tenant_id,
      organizationId: client.organization_id,
      action: 'token.issued',
      actor: { type: 'client', id: client.clientId, display: client.clientName },
      target: { type: 'client', id: client.clientId, display: client.clientName },
      diff: { grantType, scope: (ctx.body as { scope?: string } | undefined)?.scope ?? null },
    });
  }
}
