import { Injectable } from '@nestjs/common';
import { Clock, type DomainEvent } from '#kernel';
import { type DomainEventHandler, HandlesDomainEvents, UnitOfWork } from '#platform';
import { OAuthClientRepository } from '../../domain/client/oauth-client.repository.js';
import { auditedFields } from '../client-view.js';
import { ClientChanges } from '../services/client-changes.js';

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
    private readonly changes: ClientChanges,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async handle(event: DomainEvent): Promise<void> {
    const { applicationId, organizationId } = event.payload as unknown as ApplicationDeleted;
    const tenantId = event.tenantId;
    if (!tenantId) return;
    await this.uow.run(async () => {
      for (const client of await this.clients.listByApplication(tenantId, applicationId)) {
        const before = auditedFields(client);
        client.markDeleted(this.clock.now());
        await this.changes.commit({ tenantId, organizationId }, client, 'client.deleted', before, {
          deleted: true,
          actor: { type: 'system', id: 'application.deleted' },
          reason: 'its application was deleted',
        });
      }
    });
  }
}
