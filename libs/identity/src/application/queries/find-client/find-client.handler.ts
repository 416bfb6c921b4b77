import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ActiveClients } from '../../ports/active-clients.js';
import type { ClientSummary } from '../../read-models.js';
import { FindClientQuery } from './find-client.query.js';

@QueryHandler(FindClientQuery)
export class FindClientHandler implements IQueryHandler<FindClientQuery> {
  constructor(private readonly clients: ActiveClients) {}

  async execute({ clientId }: FindClientQuery): Promise<ClientSummary | null> {
    const client = await this.clients.find(clientId);
    if (!client) return null;
    const { secretHash: _secretHash, ...summary } = client;
    return summary;
  }
}
