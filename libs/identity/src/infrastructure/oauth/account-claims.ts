import { Injectable } from '@nestjs/common';
import { type Account, type AccountClaims, errors, type KoaContextWithOIDC } from 'oidc-provider';
import type { MembershipView } from '#tenancy';
import { GrantContextStore } from '../../application/ports/grant-context.store.js';
import type { User } from '../../domain/user/user.js';
import { UserRepository } from '../../domain/user/user.repository.js';
import { MarketplaceLicensing } from '../../application/ports/marketplace-licensing.js';
import { MembershipLookup } from './membership-lookup.js';
import { interactionClient, membershipsUsableBy, type ProviderClient } from './sign-in-grants.js';

/** How long a user read for token minting is reused; profile edits show up in tokens within this window. */
const USER_CACHE_MS = 5_000;
const USER_CACHE_LIMIT = 10_000;

interface TokenLike {
  grantId?: string;
  sessionUid?: string;
}

/**
 * The provider's view of a user (`findAccount`). When a token is being minted
 * from a grant, the grant's membership must still be active: a suspended or
 * removed membership can no longer refresh or redeem codes.
 */
@Injectable()
export class AccountClaimsSource {
  readonly #users = new Map<string, { at: number; user: User | null }>();

  constructor(
    private readonly users: UserRepository,
    private readonly grantContexts: GrantContextStore,
    private readonly memberships: MembershipLookup,
    private readonly marketplace: MarketplaceLicensing,
  ) {}

  async findAccount(ctx: KoaContextWithOIDC, sub: string, token?: TokenLike): Promise<Account | undefined> {
    const user = await this.user(sub);
    if (!user || !user.active) return undefined;
    const grantId = token?.grantId ?? (ctx.oidc?.entities?.Grant as { grantId?: string } | undefined)?.grantId;
    const context = grantId ? await this.grantContexts.find(grantId) : null;
    const membership = context ? await this.memberships.find(ctx, context.membershipId) : null;
    if (context && token) {
      const refused = await this.refusal(ctx, membership);
      if (refused) throw new errors.InvalidGrant(refused);
    }
    return {
      accountId: user.id,
      claims: async (): Promise<AccountClaims> => ({
        sub: user.id,
        email: user.email,
        email_verified: user.snapshot().emailVerified,
        name: user.name,
        preferred_username: user.email,
        ...(membership
          ? {
              user_id: user.id,
              tenant_id: membership.tenantId,
              slug: membership.tenantSlug,
              organization_id: membership.organizationId,
              membership_id: membership.membershipId,
              session_id: token?.sessionUid,
              perm_ver: membership.permVer,
              ent_ver: membership.entVer,
            }
          : {}),
      }),
    };
  }

  /**
   * Whether the session's grant may sign the user in again: its membership is
   * still active and may still use the client. Otherwise the authorization
   * asks again (a new grant, another membership, or a refusal) rather than
   * issuing a code whose token request would be refused.
   */
  async grantStillUsable(ctx: KoaContextWithOIDC, grantId: string): Promise<boolean> {
    const context = await this.grantContexts.find(grantId);
    return !context || (await this.refusal(ctx, await this.memberships.find(ctx, context.membershipId))) === null;
  }

  /**
   * Why a grant's membership may no longer be used with this client, null
   * when it may: it must be active, and a member of another tenant keeps a
   * grant only while its organization has a product of the client's
   * application installed.
   */
  private async refusal(ctx: KoaContextWithOIDC, membership: MembershipView | null): Promise<string | null> {
    if (membership?.status !== 'active') return 'the membership of this grant is no longer active';
    const client = ctx.oidc?.client as unknown as ProviderClient | undefined;
    if (client && (await membershipsUsableBy(interactionClient(client), [membership], this.marketplace)).length === 0) {
      return 'the organization of this grant no longer has a product of this application installed';
    }
    return null;
  }

  /** A flow reads the same account at authorize and at the token endpoint; one read serves both. */
  private async user(id: string): Promise<User | null> {
    const cached = this.#users.get(id);
    if (cached && Date.now() - cached.at < USER_CACHE_MS) return cached.user;
    const user = await this.users.findById(id);
    if (this.#users.size >= USER_CACHE_LIMIT) this.#users.delete(this.#users.keys().next().value!);
    this.#users.set(id, { at: Date.now(), user });
    return user;
  }
}
