import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OAuthClientRepository } from '../../../domain/client/oauth-client.repository.js';
import { type ClientView, toClientView } from '../../client-view.js';
import { ClientAccess } from '../../services/client-access.js';
import { ListClientsQuery } from './list-clients.query.js';

@QueryHandler(ListClientsQuery)
export class ListClientsHandler implements IQueryHandler<ListClientsQuery> {
  constructor(
    private readonly access: ClientAccess,
    private readonly clients: OAuthClientRepository,
  ) {}

  async execute({ principal, applicationId }: ListClientsQuery): Promise<ClientView[]> {
    const application = await this.access.application(principal, applicationId, 'applications.read');
    return (await this.clients.listByApplication(application.tenantId, application.id)).map(toClientView);
  }
}
