/**
 * Names the audit trail records for actors that come from the request's
 * principal, which carries ids only. The identity context answers; a lookup
 * joins the caller's unit of work, so it sees a user created in the same
 * command.
 */
export abstract class AuditActorNames {
  /** The user's email, or null when there is no such user. */
  abstract userDisplay(userId: string): Promise<string | null>;
  /** The name of the tenant's client, or null when the tenant has no such client. */
  abstract clientDisplay(tenantId: string, clientId: string): Promise<string | null>;
}
