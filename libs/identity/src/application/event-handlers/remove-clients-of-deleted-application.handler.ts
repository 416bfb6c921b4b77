import { Injectable } from '@nestjs/common';
import { Clock, type DomainEvent } from '#kernel';
import { AuditTrail, type DomainEventHandler, HandlesDomainEvents, UnitOfWork } from '#platform';
import { OAuthClientRepository } from '../../domain/client/oauth-client.repository.js';
import { ClientCache } from '../ports/client-cache.js';

interface ApplicationDeleted {
  applicationId: string;
  organizationId: string;
}

/** An application's clients go with it: no token is issued for an application that no longer exists. */
@Injectable()
@HandlesDomainEvents('application.deleted')
export class RemoveClientsOfDeletedApplication implements DomainEventHandler {
  constructor(
    private readonly clients: OAuthClientRepository,
    private readonly audit: AuditTrail,
    private readonly cache: ClientCache,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async handle(event: DomainEvent): Promise<void> {
    const { applicationId, organizationId } = event.payload as unknown as ApplicationDeleted;
    const tenantId = event.tenantId;
    if (!tenantId) return;
    await this.uow.run(async () => {
      for (const client of await this.clients.listByApplication(tenantId, applicationId)) {
        client.markDeleted(this.clock.now());
        await this.clients.delete(tenantId, client.clientId);
        await this.audit.record({
          tenantId,
          organizationId,
          action: 'client.deleted',
          actor: { type: 'system', id: 'application.deleted' },
          target: { type: 'client', id: client.clientId, display: client.snapshot().name },
          reason: 'its application was deleted',
        });
        await this.uow.publish(client.pullEvents());
        this.uow.afterCommit(() => this.cache.invalidate(client.clientId));
      }
    });
  }
}
