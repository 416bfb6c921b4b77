import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError, isDomainError } from '#kernel';
import { type ClientSummary, FindClientQuery, VerifyClientSecretQuery } from '#identity';
import { AccessTokenVerifier, type AuditActor, AuditTrail } from '#platform';
import { FailedAttemptThrottle } from '../ports/failed-attempt-throttle.js';
import { MANIFEST_PUBLISH_SCOPE, type PublisherCredentials } from './publisher-credentials.js';

const unauthenticated = (detail: string) => new DomainError('authorization.publisher_unauthenticated', detail);

/**
 * Turns a publish call's credentials into the ManifestPublisher client making
 * it, on either path, or refuses (401 unknown or bad credentials, 403 a client
 * that is no publisher, 429 too many failed Basic attempts). Every refusal is
 * audited (queued, since the refused call writes nothing else).
 */
@Injectable()
export class PublisherAuthenticator {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly tokens: AccessTokenVerifier,
    private readonly throttle: FailedAttemptThrottle,
    private readonly audit: AuditTrail,
  ) {}

  async authenticate(credentials: PublisherCredentials, applicationKey: string, ip: string | undefined): Promise<ClientSummary> {
    switch (credentials.scheme) {
      case 'none':
        throw this.reject(null, applicationKey, unauthenticated(credentials.reason));
      case 'bearer':
        return this.bearer(credentials.token, applicationKey);
      case 'basic':
        return this.basic(credentials.clientId, credentials.secret, applicationKey, ip);
    }
  }

  /** Audits a refused publish (the caller throws the returned error). */
  reject(client: Pick<ClientSummary, 'clientId' | 'name' | 'tenantId' | 'organizationId'> | null, applicationKey: string, error: DomainError, actorId?: string): DomainError {
    const actor: AuditActor = client ? { type: 'client', id: client.clientId, display: client.name } : actorId ? { type: 'client', id: actorId.slice(0, 200) } : { type: 'anonymous', id: 'anonymous' };
    this.audit.recordLater({
      tenantId: client?.tenantId ?? null,
      organizationId: client?.organizationId ?? null,
      action: 'manifest.publish_rejected',
      actor,
      target: { type: 'application', id: applicationKey.slice(0, 200), display: applicationKey.slice(0, 200) },
      outcome: 'failure',
      reason: error.code,
    });
    return error;
  }

  private async bearer(token: string, applicationKey: string): Promise<ClientSummary> {
    const principal = await this.tokens.verify(token).catch((error: unknown) => {
      throw this.reject(null, applicationKey, unauthenticated(isDomainError(error) ? error.message : 'The access token is invalid.'));
    });
    const client = await this.queryBus.execute(new FindClientQuery(principal.clientId));
    if (principal.kind !== 'client' || !client) {
      throw this.reject(client, applicationKey, new DomainError('authorization.publisher_forbidden', 'Only a ManifestPublisher client (client credentials) may publish manifests.'), principal.clientId);
    }
    if (!principal.scopes.has(MANIFEST_PUBLISH_SCOPE)) {
      throw this.reject(client, applicationKey, new DomainError('authorization.publisher_forbidden', `The access token lacks the scope ${MANIFEST_PUBLISH_SCOPE}.`, { requiredScope: [MANIFEST_PUBLISH_SCOPE] }));
    }
    return this.publisherOnly(client, applicationKey);
  }

  private async basic(clientId: string, secret: string, applicationKey: string, ip: string | undefined): Promise<ClientSummary> {
    const key = `${ip ?? '-'}|${clientId}`;
    const retryAfter = await this.throttle.retryAfter(key);
    if (retryAfter > 0) {
      const client = await this.queryBus.execute(new FindClientQuery(clientId));
      throw this.reject(client, applicationKey, new DomainError('authorization.publisher_throttled', `Too many failed attempts; retry in ${retryAfter} s.`, { retryAfter }), clientId);
    }
    const client = await this.queryBus.execute(new VerifyClientSecretQuery(clientId, secret));
    if (!client) {
      await this.throttle.recordFailure(key);
      const known = await this.queryBus.execute(new FindClientQuery(clientId));
      throw this.reject(known, applicationKey, unauthenticated('Unknown client or wrong secret.'), clientId);
    }
    await this.throttle.reset(key);
    return this.publisherOnly(client, applicationKey);
  }

  private publisherOnly(client: ClientSummary, applicationKey: string): ClientSummary {
    if (client.type !== 'ManifestPublisher' || !client.scopes.includes(MANIFEST_PUBLISH_SCOPE)) {
      throw this.reject(client, applicationKey, new DomainError('authorization.publisher_forbidden', `Client ${client.clientId} is a ${client.type} client; only a ManifestPublisher may publish manifests.`));
    }
    return client;
  }
}
