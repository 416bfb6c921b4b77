import { Query } from '@nestjs/cqrs';
import type { ClientSummary } from '../../read-models.js';

/**
 * An active client by its client id (from a token's `client_id`), or null when
 * it does not exist or is disabled. Served from the OAuth server's client cache.
 */
export class FindClientQuery extends Query<ClientSummary | null> {
  constructor(readonly clientId: string) {
    super();
  }
}
