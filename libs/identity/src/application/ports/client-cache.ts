/** Whatever caches client metadata for the OAuth server; told to forget a client after a change commits. */
export abstract class ClientCache {
  abstract invalidate(clientId: string): void;
}
