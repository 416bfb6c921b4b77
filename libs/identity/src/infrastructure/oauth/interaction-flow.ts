import type { IncomingMessage, ServerResponse } from 'node:http';
import { MarketplaceLicensing } from '../../application/ports/marketplace-licensing.js';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Interaction } from 'oidc-provider';
import { AuditTrail } from '#platform';
import { ListSignInMembershipsQuery, type MembershipView } from '#tenancy';
import { GrantContextStore } from '../../application/ports/grant-context.store.js';
import { CONSOLE_CLIENT_ID } from './console-client.js';
import { CLIENT_TYPE_METADATA, REQUIRE_CONSENT_METADATA } from './oauth-constants.js';
import { OidcProviderHolder } from './oidc-provider.holder.js';

export interface InteractionClient {
  clientId: string;
  clientName: string;
  tenantId: string | null;
  organizationId: string | null;
  /** Set for an InteractiveWeb client of an application: members of organizations that installed a product of it may sign in too. */
  marketplaceApplicationId: string | null;
  requireConsent: boolean;
}

type ClientRecord = Record<string, unknown> & { clientId: string; clientName?: string };

/** The steps of the hosted sign-in between oidc-provider's prompts: who, which organization, consent. */
@Injectable()
export class InteractionFlow {
  constructor(
    private readonly holder: OidcProviderHolder,
    private readonly grantContexts: GrantContextStore,
    private readonly queryBus: QueryBus,
    private readonly audit: AuditTrail,
    private readonly marketplace: MarketplaceLicensing,
  ) {}

  details(request: IncomingMessage, response: ServerResponse): Promise<Interaction> {
    return this.holder.provider.interactionDetails(request, response);
  }

  async client(interaction: Interaction): Promise<InteractionClient> {
    const client = (await this.holder.provider.Client.find(String(interaction.params.client_id))) as unknown as ClientRecord | undefined;
    if (!client) throw new Error('interaction client vanished');
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
   * Memberships the user may use with this client: the client's tenant, or any
   * for the console; for an InteractiveWeb client of an application, also those
   * of organizations that installed a marketplace product of that application
   * (their tokens carry their own tenant, organization and membership).
   */
  async memberships(userId: string, client: InteractionClient, wantedOrganization?: unknown): Promise<MembershipView[]> {
    const all = await this.usableMemberships(userId, client);
    const wanted = typeof wantedOrganization === 'string' ? all.filter((m) => m.organizationId === wantedOrganization) : [];
    return wanted.length > 0 ? wanted : all;
  }

  private async usableMemberships(userId: string, client: InteractionClient): Promise<MembershipView[]> {
    if (client.clientId === CONSOLE_CLIENT_ID) return this.queryBus.execute(new ListSignInMembershipsQuery(userId, null));
    if (!client.marketplaceApplicationId) return this.queryBus.execute(new ListSignInMembershipsQuery(userId, client.tenantId));
    const everywhere = await this.queryBus.execute(new ListSignInMembershipsQuery(userId, null));
    const foreign = everywhere.filter((m) => m.tenantId !== client.tenantId).map((m) => m.organizationId);
    const installed = new Set(foreign.length > 0 ? await this.marketplace.installedOrganizations(client.marketplaceApplicationId, foreign) : []);
    return everywhere.filter((m) => m.tenantId === client.tenantId || installed.has(m.organizationId));
  }

  async finishLogin(request: IncomingMessage, response: ServerResponse, accountId: string): Promise<void> {
    await this.holder.provider.interactionFinished(request, response, { login: { accountId, amr: ['pwd'] } }, { mergeWithLastSubmission: false });
  }

  /** Grants what the client asked for, bound to the chosen membership, and resumes the authorization. */
  async finishConsent(request: IncomingMessage, response: ServerResponse, interaction: Interaction, membership: MembershipView, client: InteractionClient): Promise<void> {
    const { Grant } = this.holder.provider;
    const accountId = interaction.session!.accountId;
    const grant = (interaction.grantId && (await Grant.find(interaction.grantId))) || new Grant({ accountId, clientId: client.clientId });
    const details = interaction.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
    if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    await this.grantContexts.save({
      grantId,
      userId: accountId,
      tenantId: membership.tenantId,
      organizationId: membership.organizationId,
      membershipId: membership.membershipId,
    });
    await this.audit.record({
      tenantId: membership.tenantId,
      organizationId: membership.organizationId,
      action: 'user.signed_in',
      actor: { type: 'user', id: accountId },
      target: { type: 'client', id: client.clientId, display: client.clientName },
      outcome: 'success',
      diff: { membershipId: membership.membershipId, scope: [...(details.missingOIDCScope ?? [])].join(' ') },
    });
    await this.holder.provider.interactionFinished(request, response, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  async abort(request: IncomingMessage, response: ServerResponse, description: string): Promise<void> {
    await this.holder.provider.interactionFinished(
      request,
      response,
      { error: 'access_denied', error_description: description },
      { mergeWithLastSubmission: false },
    );
  }

  requestedScopes(interaction: Interaction): string[] {
    return String(interaction.params.scope ?? '').split(' ').filter(Boolean);
  }
}
