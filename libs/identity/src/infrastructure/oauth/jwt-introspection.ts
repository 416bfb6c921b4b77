import { Injectable } from '@nestjs/common';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { AccessTokenVerifier, type Principal } from '#platform';
import { OidcProviderHolder } from './oidc-provider.holder.js';
import { type ClientRecord, mayInspectToken } from './token-access-policy.js';
import { TokenStanding } from './token-standing.js';

/**
 * RFC 7662 introspection of our JWT access tokens. oidc-provider introspects
 * only tokens it stores and refuses structured ones (`unsupported_token_type`),
 * yet the API's JWT is the access token every client holds. Once the provider
 * has authenticated the caller and refused the token as structured, this
 * answers instead: inactive unless the token verifies as our access token, the
 * caller may inspect it (its own, or its tenant's for an Automation client),
 * and what it was issued on still holds now: its client is active, and for a
 * user its account, its membership and its session (signed out is inactive).
 */
@Injectable()
export class JwtIntrospection {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly standing: TokenStanding,
    holder: OidcProviderHolder,
  ) {
    holder.introspectJwtsWith(this);
  }

  /** Whether the provider's answer is its refusal of a structured token, which `answer` replaces. */
  refusedAsStructured(ctx: KoaContextWithOIDC): boolean {
    return ctx.oidc?.route === 'introspection' && ctx.status === 400 && Boolean(ctx.oidc.client) && (ctx.body as { error?: string } | undefined)?.error === 'unsupported_token_type';
  }

  async answer(ctx: KoaContextWithOIDC): Promise<void> {
    const claims = await this.activeClaims(ctx, String(ctx.oidc.params?.token ?? ''));
    ctx.status = 200;
    ctx.body = claims ? { ...claims, active: true, token_type: (claims.cnf as { jkt?: string } | undefined)?.jkt ? 'DPoP' : 'Bearer' } : { active: false };
  }

  private async activeClaims(ctx: KoaContextWithOIDC, token: string): Promise<Readonly<Record<string, unknown>> | undefined> {
    let principal: Principal;
    try {
      principal = await this.verifier.verify(token);
    } catch {
      return undefined;
    }
    const caller = ctx.oidc.client as unknown as ClientRecord;
    if (!(await mayInspectToken(ctx, caller, { clientId: principal.clientId, tenantId: principal.tenantId }))) return undefined;
    return (await this.standing.of(principal)) ? principal.claims : undefined;
  }
}
