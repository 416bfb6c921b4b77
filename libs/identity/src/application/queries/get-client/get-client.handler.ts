import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type ClientView, toClientView } from '../../client-view.js';
import { ClientAccess } from '../../services/client-access.js';
import { GetClientQuery } from './get-client.query.js';

@QueryHandler(GetClientQuery)
export class GetClientHandler implements IQueryHandler<GetClientQuery> {
  constructor(private readonly access: ClientAccess) {}

  async execute({ principal, applicationId, clientId }: GetClientQuery): Promise<ClientView> {
    const { client } = await this.access.client(principal, applicationId, clientId, 'applications.read');
    return toClientView(client);
  }
}
