import type { ClientSummary } from '../read-models.js';

export interface ActiveClient extends ClientSummary {
  secretHash: string | null;
}

/** Active (not disabled) clients by client id, from the same cache the OAuth server uses. */
export abstract class ActiveClients {
  abstract find(clientId: string): Promise<ActiveClient | null>;
}
