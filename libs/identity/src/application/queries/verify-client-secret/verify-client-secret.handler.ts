import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SecretHasher } from '#platform';
import { ActiveClients } from '../../ports/active-clients.js';
import type { ClientSummary } from '../../read-models.js';
import { VerifyClientSecretQuery } from './verify-client-secret.query.js';

// Compared when the client is unknown or has no secret, so every failure costs the same.
const NO_SECRET = 'hmac-sha256$-';

@QueryHandler(VerifyClientSecretQuery)
export class VerifyClientSecretHandler implements IQueryHandler<VerifyClientSecretQuery> {
  constructor(
    private readonly clients: ActiveClients,
    private readonly hasher: SecretHasher,
  ) {}

  async execute({ clientId, secret }: VerifyClientSecretQuery): Promise<ClientSummary | null> {
    const client = clientId.length > 0 && clientId.length <= 200 ? await this.clients.find(clientId) : null;
    const matches = this.hasher.verify(client?.secretHash ?? NO_SECRET, secret);
    if (!client?.secretHash || !matches) return null;
    const { secretHash: _secretHash, ...summary } = client;
    return summary;
  }
}
