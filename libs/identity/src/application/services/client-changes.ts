import { Injectable } from '@nestjs/common';
import { AuditTrail, UnitOfWork } from '#platform';
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

  async commit(application: ApplicationView, client: OAuthClient, action: string, before: Record<string, unknown>, deleted = false): Promise<void> {
    if (deleted) await this.clients.delete(application.tenantId, client.clientId);
    else await this.clients.save(client);
    await this.audit.record({
      tenantId: application.tenantId,
      organizationId: application.organizationId,
      action,
      target: { type: 'client', id: client.clientId, display: client.snapshot().name },
      outcome: 'success',
      diff: deleted ? { before } : { before, after: auditedFields(client) },
    });
    await this.uow.publish(client.pullEvents());
    this.uow.afterCommit(() => this.cache.invalidate(client.clientId));
  }
}
