import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Grant, KoaContextWithOIDC } from 'oidc-provider';
import { AuditTrail, UnitOfWork } from '#platform';
import { ListSignInMembershipsQuery, type MembershipView } from '#tenancy';
import { GrantContextStore } from '../../application/ports/grant-context.store.js';
import { MarketplaceLicensing } from '../../application/ports/marketplace-licensing.js';
import { CLIENT_TYPE_METADATA, REQUIRE_CONSENT_METADATA } from './oauth-constants.js';

export interface InteractionClient {
  clientId: string;
  clientName: string;
  tenantId: string | null;
  organizationId: string | null;
  /** Set for an InteractiveWeb client of an application: members of organizations that installed a product of it may sign in too. */
  marketplaceApplicationId: string | null;
  requireConsent: boolean;
}

/** A grant for a sign-in, and whether it is bound to the sign-in's membership already. */
export interface SignInGrant {
  grant: Grant;
  bound: boolean;
  /** What a held grant had granted before this sign-in added to it; put back when the sign-in cannot be recorded. */
  previous?: GrantedSnapshot;
}

const GRANTED_FIELDS = ['openid', 'resources', 'rejected', 'rar'] as const;
type GrantedSnapshot = Partial<Pick<Grant, (typeof GRANTED_FIELDS)[number]>>;

function granted(grant: Grant): GrantedSnapshot {
  return structuredClone(Object.fromEntries(GRANTED_FIELDS.map((field) => [field, grant[field]])));
}

/** A client as oidc-provider holds it, with our metadata. */
export type ProviderClient = Record<string, unknown> & { clientId: string; clientName?: string };

export function interactionClient(client: ProviderClient): InteractionClient {
  return {
    clientId: client.clientId,
    clientName: client.clientName ?? client.clientId,
    tenantId: (client.tenant_id as string | undefined) ?? null,
    organizationId: (client.organization_id as string | undefined) ?? null,
    marketplaceApplicationId: client[CLIENT_TYPE_METADATA] === 'InteractiveWeb' ? ((client.application_id as string | undefined) ?? null) : null,
    requireConsent: client[REQUIRE_CONSENT_METADATA] === true,
  };
}

/**
 * Which of a user's memberships may use a client: any for a client of no
 * tenant (the console), else those of the client's tenant and, for an
 * InteractiveWeb client of an application, those of organizations that have
 * a marketplace product of that application installed. Decides sign-ins, and
 * whether a grant may still refresh (an uninstall ends those too).
 */
export async function membershipsUsableBy(client: InteractionClient, memberships: MembershipView[], marketplace: MarketplaceLicensing): Promise<MembershipView[]> {
  if (client.tenantId === null) return memberships;
  const foreign = memberships.filter((m) => m.tenantId !== client.tenantId).map((m) => m.organizationId);
  if (foreign.length === 0) return memberships;
  const installed = new Set(client.marketplaceApplicationId ? await marketplace.installedOrganizations(client.marketplaceApplicationId, foreign) : []);
  return memberships.filter((m) => m.tenantId === client.tenantId || installed.has(m.organizationId));
}

/**
 * How a sign-in ends in a grant bound to one membership: which memberships a
 * user may use with a client, and the grant, its membership context and the
 * `user.signed_in` audit row. Used by the hosted choice and consent pages, and
 * right after the password step when there is nothing to choose.
 */
@Injectable()
export class SignInGrants {
  constructor(
    private readonly grantContexts: GrantContextStore,
    private readonly queryBus: QueryBus,
    private readonly audit: AuditTrail,
    private readonly marketplace: MarketplaceLicensing,
    private readonly uow: UnitOfWork,
  ) {}

  /**
   * Memberships the user may use with this client: the client's tenant, or any
   * for the console; for an InteractiveWeb client of an application, also those
   * of organizations that installed a marketplace product of that application
   * (their tokens carry their own tenant, organization and membership). An
   * organization the request names narrows them to its membership: none when
   * the user has no usable membership there (the sign-in is then refused,
   * never made in another organization).
   */
  async memberships(userId: string, client: InteractionClient, wantedOrganization?: unknown): Promise<MembershipView[]> {
    const all = await this.usableMemberships(userId, client);
    return typeof wantedOrganization === 'string' && wantedOrganization ? all.filter((m) => m.organizationId === wantedOrganization) : all;
  }

  private async usableMemberships(userId: string, client: InteractionClient): Promise<MembershipView[]> {
    const all = await this.queryBus.execute(new ListSignInMembershipsQuery(userId, client.marketplaceApplicationId ? null : client.tenantId));
    return membershipsUsableBy(client, all, this.marketplace);
  }

  /**
   * The grant to add to for a sign-in through this membership: the one the
   * session holds when it is bound to the same membership. Else a new one, with
   * what the held grant had granted the client: a grant's membership never
   * changes (its tokens carry it), and the consent prompt asks only for what
   * the held grant lacks.
   */
  async grantFor(provider: KoaContextWithOIDC['oidc']['provider'], heldGrantId: string | undefined, accountId: string, clientId: string, membership: MembershipView): Promise<SignInGrant> {
    const held = heldGrantId ? await provider.Grant.find(heldGrantId) : undefined;
    if (!held) return { grant: new provider.Grant({ accountId, clientId }), bound: false };
    if ((await this.grantContexts.find(held.jti))?.membershipId === membership.membershipId) return { grant: held, bound: true, previous: granted(held) };
    const { openid, resources } = granted(held);
    const kept = { openid, resources };
    return { grant: new provider.Grant({ accountId, clientId, ...kept }), bound: false };
  }

  /**
   * Saves the grant, binds it to the membership unless it is already, and
   * records the sign-in (binding and audit row commit together). When they
   * cannot be committed the grant is put back as it was (a new one is
   * deleted), so no grant holds more than the audit trail shows.
   */
  async bind(signIn: SignInGrant, client: InteractionClient, membership: MembershipView, userDisplay?: string): Promise<string> {
    const grantId = await signIn.grant.save();
    try {
      await this.record(signIn, grantId, client, membership, userDisplay);
    } catch (error) {
      await this.putBack(signIn);
      throw error;
    }
    return grantId;
  }

  private async putBack({ grant, bound, previous }: SignInGrant): Promise<void> {
    if (!bound) return grant.destroy();
    Object.assign(grant, previous);
    await grant.save();
  }

  private async record({ grant, bound }: SignInGrant, grantId: string, client: InteractionClient, membership: MembershipView, userDisplay?: string): Promise<void> {
    const userId = grant.accountId!;
    await this.uow.run(async () => {
      if (!bound) {
        await this.grantContexts.save({
          grantId,
          userId,
          tenantId: membership.tenantId,
          organizationId: membership.organizationId,
          membershipId: membership.membershipId,
        });
      }
      await this.audit.record({
        tenantId: membership.tenantId,
        organizationId: membership.organizationId,
        action: 'user.signed_in',
        actor: { type: 'user', id: userId, display: userDisplay },
        target: { type: 'client', id: client.clientId, display: client.clientName },
        outcome: 'success',
        diff: { membershipId: membership.membershipId, scope: grant.getOIDCScope() },
      });
    });
  }

  /**
   * The grant of a sign-in whose password step just finished, when there is
   * nothing to ask: the user has one usable membership (or the one the request
   * named) and the client needs no consent. It holds what the request asked
   * for, so the authorization goes on to the code without another page.
   * Anything else (a choice, consent the client or the request asks for, no
   * membership) is left to the hosted pages.
   */
  async afterLogin(ctx: KoaContextWithOIDC): Promise<Grant | undefined> {
    const { oidc } = ctx;
    const accountId = oidc.session?.accountId;
    if (!oidc.result?.login || oidc.result.consent || oidc.prompts.has('consent') || !accountId || !oidc.client) return undefined;
    const client = interactionClient(oidc.client as unknown as ProviderClient);
    if (client.requireConsent) return undefined;
    const memberships = await this.memberships(accountId, client, oidc.params?.organization_id);
    if (memberships.length !== 1) return undefined;
    const grant = new oidc.provider.Grant({ accountId, clientId: client.clientId });
    grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
    if (oidc.requestParamClaims.size > 0) grant.addOIDCClaims([...oidc.requestParamClaims]);
    for (const [indicator, resourceServer] of Object.entries(oidc.resourceServers ?? {})) {
      const scopes = [...oidc.requestParamScopes].filter((requested) => resourceServer.scopes.has(requested));
      if (scopes.length > 0) grant.addResourceScope(indicator, scopes.join(' '));
    }
    const email = (await oidc.account?.claims('id_token', 'email', {}, []))?.email;
    await this.bind({ grant, bound: false }, client, memberships[0], typeof email === 'string' ? email : undefined);
    return grant;
  }
}
