import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { errors, type Interaction, type InteractionResults } from 'oidc-provider';
import type { MembershipView } from '#tenancy';
import { OidcProviderHolder } from './oidc-provider.holder.js';
import { type InteractionClient, interactionClient, type ProviderClient, SignInGrants } from './sign-in-grants.js';

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
    return interactionClient(client as unknown as ProviderClient);
  }

  memberships(userId: string, client: InteractionClient, wantedOrganization?: unknown): Promise<MembershipView[]> {
    return this.grants.memberships(userId, client, wantedOrganization);
  }

  async finishLogin(response: ServerResponse, interaction: Interaction, accountId: string): Promise<void> {
    await this.finish(response, interaction, remainingLife(interaction), { login: { accountId, amr: ['pwd'] } });
  }

  /** Grants what the consent prompt found missing, bound to the chosen membership, and resumes the authorization. */
  async finishConsent(response: ServerResponse, interaction: Interaction, membership: MembershipView, client: InteractionClient): Promise<void> {
    const ttl = remainingLife(interaction);
    const signIn = await this.grants.grantFor(this.holder.provider, interaction.grantId, interaction.session!.accountId, client.clientId, membership);
    const { grant } = signIn;
    const details = interaction.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
    if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await this.grants.bind(signIn, client, membership);
    await this.finish(response, interaction, ttl, { ...interaction.lastSubmission, consent: { grantId } });
  }

  /**
   * What the provider's `interactionFinished` does, on the interaction this
   * request already loaded (it would read the interaction, and its session,
   * again): store the result and send the browser back to the authorization.
   */
  private async finish(response: ServerResponse, interaction: Interaction, ttl: number, result: InteractionResults): Promise<void> {
    interaction.result = result;
    await interaction.save(ttl);
    response.statusCode = 303;
    response.setHeader('Location', interaction.returnTo);
    response.setHeader('Content-Length', '0');
    response.end();
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

/** Seconds the interaction has left; one that expired while the user was on the page gets the friendly page, and nothing is written. */
function remainingLife(interaction: Interaction): number {
  const ttl = interaction.exp - Math.floor(Date.now() / 1000);
  if (ttl <= 0) throw new errors.SessionNotFound('interaction expired');
  return ttl;
}
