/** Who is calling, as established from a validated access token. */
export interface Principal {
  kind: 'user' | 'client';
  /** `sub` of the token: a user id, or the client id for client credentials. */
  subject: string;
  clientId: string;
  tenantId: string | undefined;
  organizationId: string | undefined;
  membershipId: string | undefined;
  userId: string | undefined;
  sessionId: string | undefined;
  scopes: ReadonlySet<string>;
  permVer: number | undefined;
  entVer: number | undefined;
  expiresAt: number;
  claims: Readonly<Record<string, unknown>>;
}
