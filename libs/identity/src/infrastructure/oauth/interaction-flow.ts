import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import type { Interaction } from 'oidc-provider';
import type { MembershipView } from '#tenancy';
import { OidcProviderHolder } from './oidc-provider.holder.js';
import { type InteractionClient, interactionClient, SignInGrants } from './sign-in-grants.js';

/** The steps of the hosted sign-in between oidc-provider's prompts: who, which organization, consent. */
@Injectable()
export class InteractionFlow {
  constructor(
    private readonly holder: OidcProviderHolder,
    private readonly grants: SignInGrants,
  ) {}

  details(request: IncomingMessage, response: ServerResponse): Promise<Interaction> {
    return this.holder.provider.interactionDetails(request, response);
  }

  async client(interaction: Interaction): Promise<InteractionClient> {
    const client = await this.holder.provider.Client.find(String(interaction.params.client_id));
    if (!client) throw new Error('interaction client vanished');
    return interactionClient(client as unknown as Parameters<typeof interactionClient>[0]);
  }

  memberships(userId: string, client: InteractionClient, wantedOrganization?: unknown): Promise<MembershipView[]> {
    return this.grants.memberships(userId, client, wantedOrganization);
  }

  async finishLogin(request: IncomingMessage, response: ServerResponse, accountId: string): Promise<void> {
    await this.holder.provider.interactionFinished(request, response, { login: { accountId, amr: ['pwd'] } }, { mergeWithLastSubmission: false });
  }

  /** Grants what the consent prompt found missing, bound to the chosen membership, and resumes the authorization. */
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
    const grantId = await this.grants.bind(grant, client, membership, (details.missingOIDCScope ?? []).join(' '));
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
