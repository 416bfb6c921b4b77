export interface GrantContext {
  grantId: string;
  userId: string;
  tenantId: string;
  organizationId: string;
  membershipId: string;
}

/** The membership a user chose for an OAuth grant; read for every token minted from that grant. */
export abstract class GrantContextStore {
  abstract find(grantId: string): Promise<GrantContext | null>;
  abstract save(context: GrantContext): Promise<void>;
}
