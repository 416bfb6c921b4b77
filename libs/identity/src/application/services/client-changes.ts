import { Injectable } from '@nestjs/common';
import { type AuditActor, AuditTrail, UnitOfWork } from '#platform';
import type { ApplicationView } from '#tenancy';
import type { OAuthClient } from '../../domain/client/oauth-client.js';
import { OAuthClientRepository } from '../../domain/client/oauth-client.repository.js';
import { auditedFields } from '../client-view.js';
import { ClientCache } from '../ports/client-cache.js';

/** Saves a changed client with its audit evidence and events, and drops it from the OAuth cache after commit. */
@Injectable()
export class ClientChanges {
  constructor(
    private readonly clients: OAuthClientRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly cache: ClientCache,
  ) {}

  /**
   * `before` is null for a new client; `deleted` removes the row. Actor and
   * reason default to the caller of the request (set them for system changes).
   */
  async commit(
    owner: Pick<ApplicationView, 'tenantId' | 'organizationId'>,
    client: OAuthClient,
    action: string,
    before: Record<string, unknown> | null,
    options: { deleted?: boolean; actor?: AuditActor; reason?: string } = {},
  ): Promise<void> {
    if (options.deleted) await this.clients.delete(owner.tenantId, client.clientId);
    else await this.clients.save(client);
    await this.audit.record({
      tenantId: owner.tenantId,
      organizationId: owner.organizationId,
      action,
      actor: options.actor,
      target: { type: 'client', id: client.clientId, display: client.snapshot().name },
      outcome: 'success',
      reason: options.reason,
      diff: options.deleted ? { before } : before ? { before, after: auditedFields(client) } : { after: auditedFields(client) },
    });
    await this.uow.publish(client.pullEvents());
    this.uow.afterCommit(() => this.cache.invalidate(client.clientId));
  }
}
