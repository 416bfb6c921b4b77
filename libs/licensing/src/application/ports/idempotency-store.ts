/**
 * Remembered answers to retried POSTs. `claim` runs inside the command's
 * transaction: the first caller of a key gets null and must `complete` it in
 * the same transaction; a concurrent caller waits on the claim's row lock and
 * then gets the stored answer. A key reused with another request body is a
 * conflict (`platform.idempotency_conflict`).
 */
export abstract class IdempotencyStore {
  abstract claim(tenantId: string, operation: string, key: string, fingerprint: string): Promise<{ response: unknown } | null>;
  abstract complete(tenantId: string, operation: string, key: string, response: unknown): Promise<void>;
}
