/** Who did it. Filled from the request's principal when omitted. */
export interface AuditActor {
  type: 'user' | 'client' | 'system' | 'anonymous';
  id: string;
  display?: string;
}

export interface AuditTarget {
  type: string;
  id: string;
  display?: string;
}

export interface AuditEntry {
  /** Null for platform-level events (signing-key rotation, failed sign-in of an unknown account). */
  tenantId: string | null;
  organizationId?: string | null;
  /** Past-tense dotted name: `application.created`, `user.sign_in_failed`. */
  action: string;
  actor?: AuditActor;
  target?: AuditTarget;
  outcome?: 'success' | 'failure';
  reason?: string;
  /** Before/after values; secrets are masked by the trail, not by callers. */
  diff?: Record<string, unknown>;
  occurredAt?: Date;
}

/**
 * The audit log as a port every context writes to. `record` writes in the
 * caller's transaction (the change and its evidence commit together);
 * `recordLater` queues for a batched write, for hot paths such as token
 * issuance where a synchronous write per request is too expensive.
 */
export abstract class AuditTrail {
  abstract record(entry: AuditEntry): Promise<void>;
  abstract recordLater(entry: AuditEntry): void;
}
