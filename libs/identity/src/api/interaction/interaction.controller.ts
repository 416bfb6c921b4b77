import { Controller, Get, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { errors, type Interaction } from 'oidc-provider';
import type { MembershipView } from '#tenancy';
import { PasswordSignIn } from '../../application/services/password-sign-in.js';
import { InteractionFlow } from '../../infrastructure/oauth/interaction-flow.js';
import { INTERACTION_PATH } from '../../infrastructure/oauth/oauth-constants.js';
import type { InteractionClient } from '../../infrastructure/oauth/sign-in-grants.js';
import { PAGE_HEADERS } from '../hosted-pages/html.js';
import { confirmPage, loginPage, messagePage } from '../hosted-pages/interaction-pages.js';

type Form = Record<string, unknown>;

/** Consent is asked when the client requires it or the request says `prompt=consent`. */
function asksConsent(interaction: Interaction, client: InteractionClient): boolean {
  return client.requireConsent || interaction.prompt.reasons.includes('consent_prompt');
}

function noMembership(interaction: Interaction): string {
  return interaction.params.organization_id
    ? 'You have no active membership in the requested organization that can use this application.'
    : 'You have no active membership that can use this application.';
}

function field(body: unknown, name: string): string {
  const value = (body as Form | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/**
 * The hosted sign-in pages oidc-provider sends the browser to
 * (`interactions.url`). The interaction cookie, bound to the uid in the path
 * and SameSite=Lax, is what ties each form post to the browser that started it.
 */
@ApiExcludeController()
@Controller(`${INTERACTION_PATH}/:uid`)
export class InteractionController {
  constructor(
    private readonly flow: InteractionFlow,
    private readonly signIn: PasswordSignIn,
  ) {}

  @Get()
  async show(@Param('uid') uid: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.guard(response, async () => {
      const interaction = await this.flow.details(request, response);
      const client = await this.flow.client(interaction);
      if (interaction.prompt.name === 'login') {
        return this.render(response, HttpStatus.OK, loginPage({ ...this.actions(uid), clientName: client.clientName }));
      }
      const memberships = await this.flow.memberships(interaction.session!.accountId, client, interaction.params.organization_id);
      if (memberships.length === 0) return this.flow.abort(request, response, noMembership(interaction));
      if (memberships.length === 1 && !asksConsent(interaction, client)) {
        return this.flow.finishConsent(response, interaction, memberships[0], client);
      }
      this.renderChoice(response, HttpStatus.OK, uid, interaction, client, memberships);
    });
  }

  @Post('login')
  async login(@Param('uid') uid: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.guard(response, async () => {
      const interaction = await this.flow.details(request, response);
      if (interaction.prompt.name !== 'login') return this.redirectBack(response, uid);
      const client = await this.flow.client(interaction);
      const email = field(request.body, 'email').slice(0, 254);
      const password = field(request.body, 'password').slice(0, 1024);
      const result = email && password ? await this.signIn.attempt({ email, password, ip: request.ip ?? 'unknown', clientTenantId: client.tenantId }) : null;
      if (result?.ok) return this.flow.finishLogin(response, interaction, result.user.id);
      const locked = result && !result.ok && result.reason === 'locked';
      const error = locked
        ? `Too many failed sign-ins. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minute(s).`
        : 'The email or password is not correct.';
      if (locked) response.setHeader('Retry-After', String(result.retryAfterSeconds));
      this.render(response, locked ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED, loginPage({ ...this.actions(uid), clientName: client.clientName, email, error }));
    });
  }

  @Post('confirm')
  async confirm(@Param('uid') uid: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.guard(response, async () => {
      const interaction = await this.flow.details(request, response);
      if (interaction.prompt.name !== 'consent') return this.redirectBack(response, uid);
      const client = await this.flow.client(interaction);
      const memberships = await this.flow.memberships(interaction.session!.accountId, client, interaction.params.organization_id);
      if (memberships.length === 0) return this.flow.abort(request, response, noMembership(interaction));
      const chosen = memberships.find((m) => m.membershipId === field(request.body, 'membershipId'));
      // Never another organization than the one chosen: ask again.
      if (!chosen) return this.renderChoice(response, HttpStatus.BAD_REQUEST, uid, interaction, client, memberships, 'That organization is not available to you now. Choose again.');
      await this.flow.finishConsent(response, interaction, chosen, client);
    });
  }

  @Post('abort')
  async abort(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.guard(response, () => this.flow.abort(request, response, 'The user cancelled the sign-in.'));
  }

  private renderChoice(response: Response, status: number, uid: string, interaction: Interaction, client: InteractionClient, memberships: MembershipView[], error?: string): void {
    const choices = memberships.map((m) => ({ membershipId: m.membershipId, organizationName: m.organizationName, tenantSlug: m.tenantSlug, role: m.role }));
    const scopes = asksConsent(interaction, client) ? this.flow.requestedScopes(interaction) : null;
    this.render(response, status, confirmPage({ action: `${INTERACTION_PATH}/${uid}/confirm`, abort: this.actions(uid).abort, clientName: client.clientName, choices, scopes, error }));
  }

  private actions(uid: string) {
    return { action: `${INTERACTION_PATH}/${uid}/login`, abort: `${INTERACTION_PATH}/${uid}/abort` };
  }

  private redirectBack(response: Response, uid: string): void {
    response.redirect(303, `${INTERACTION_PATH}/${uid}`);
  }

  private render(response: Response, status: number, body: string): void {
    response.status(status).set(PAGE_HEADERS).send(body);
  }

  /** An expired or foreign interaction gets a page that says so, not an error dump. */
  private async guard(response: Response, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof errors.SessionNotFound) && !(error instanceof errors.InvalidRequest)) throw error;
      this.render(
        response,
        HttpStatus.BAD_REQUEST,
        messagePage('Sign-in expired', 'This sign-in page is no longer valid. Go back to the application and start again.'),
      );
    }
  }
}
