import { MarketplaceLicensing } from '../../application/ports/marketplace-licensing.js';
import { Injectable } from '@nestjs/common';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { GrantContextStore } from '../../application/ports/grant-context.store.js';
import { API_SCOPE, ENTITLED_EDITIONS_SCOPE } from '../../domain/client/client-type.js';
import { MembershipLookup } from './membership-lookup.js';
import { CLIENT_TYPE_METADATA } from './oauth-constants.js';

interface IssuedToken {
  kind: string;
  grantId?: string;
  sessionUid?: string;
  scope?: string;
}

/**
 * Claims added to our JWT access tokens. User tokens carry tenant context when
 * `tenant_context` or `nexidentity.api` was granted, with perm_ver/ent_ver read
 * live at issuance; client-credentials tokens carry the owning tenant and
 * organization from the client's metadata (no database read on that path).
 * `entitled_editions` (edition codes with a seat) only when its opt-in scope was granted.
 */
@Injectable()
export class TokenClaimsSource {
  constructor(
    private readonly grantContexts: GrantContextStore,
    private readonly memberships: MembershipLookup,
    private readonly marketplace: MarketplaceLicensing,
  ) {}

  async extraTokenClaims(ctx: KoaContextWithOIDC, token: IssuedToken): Promise<Record<string, unknown> | undefined> {
    const client = ctx.oidc.client as unknown as Record<string, string | undefined> | undefined;
    const application = client?.application_id ? { application_id: client.application_id } : {};
    if (token.kind === 'ClientCredentials') {
      return {
        tenant_id: client?.tenant_id,
        organization_id: client?.organization_id,
        client_type: client?.[CLIENT_TYPE_METADATA],
        ...application,
      };
    }
    const scopes = new Set(token.scope?.split(' '));
    if (!token.grantId || !(scopes.has('tenant_context') || scopes.has(API_SCOPE))) return application;
    const context = await this.grantContexts.find(token.grantId);
    if (!context) return application;
    const membership = await this.memberships.find(ctx, context.membershipId);
    const editions = scopes.has(ENTITLED_EDITIONS_SCOPE)
      ? { entitled_editions: await this.marketplace.entitledEditions(context.tenantId, context.membershipId) }
      : {};
    return {
      user_id: context.userId,
      tenant_id: context.tenantId,
      organization_id: context.organizationId,
      membership_id: context.membershipId,
      session_id: token.sessionUid,
      perm_ver: membership?.permVer ?? 0,
      ent_ver: membership?.entVer ?? 0,
      ...editions,
      ...application,
    };
  }
}
