import { Query } from '@nestjs/cqrs';
import type { ClientSummary } from '../../read-models.js';

/**
 * Checks a client id and secret presented outside the token endpoint (the
 * manifest publisher's HTTP Basic compatibility path). Answers the client when
 * it is active and the secret matches, otherwise null; never says which failed.
 */
export class VerifyClientSecretQuery extends Query<ClientSummary | null> {
  constructor(
    readonly clientId: string,
    readonly secret: string,
  ) {
    super();
  }
}
