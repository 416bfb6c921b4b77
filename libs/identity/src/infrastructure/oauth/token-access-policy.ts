import type { KoaContextWithOIDC } from 'oidc-provider';
import { CLIENT_TYPE_METADATA } from './oauth-constants.js';

export type ClientRecord = Record<string, unknown> & { clientId: string };

/**
 * Whether `caller` may introspect or revoke a token: its own, or, for an
 * Automation client, any token of its tenant. The token's tenant is its
 * `tenant_id` claim when it carries one (a signed JWT), else its client's.
 */
export async function mayInspectToken(ctx: KoaContextWithOIDC, caller: ClientRecord, token: { clientId?: string; tenantId?: string }): Promise<boolean> {
  if (!token.clientId) return false;
  if (token.clientId === caller.clientId) return true;
  if (!caller.tenant_id || caller[CLIENT_TYPE_METADATA] !== 'Automation') return false;
  if (token.tenantId) return token.tenantId === caller.tenant_id;
  const owner = (await ctx.oidc.provider.Client.find(token.clientId)) as unknown as ClientRecord | undefined;
  return owner?.tenant_id === caller.tenant_id;
}
