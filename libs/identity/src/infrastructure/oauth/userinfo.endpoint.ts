import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { AccessTokenVerifier, bearerTokenOf, type Principal, sendOAuthError } from '#platform';
import type { MembershipView } from '#tenancy';
import type { User } from '../../domain/user/user.js';
import { API_SCOPE } from '../../domain/client/client-type.js';
import { TokenStanding } from './token-standing.js';

/**
 * `/connect/userinfo` for the JWT access tokens we issue for our API.
 * oidc-provider's own userinfo accepts only tokens minted for it, so a client
 * holding the API token (the only one we give it) is answered here, with the
 * claims its granted scopes allow (OIDC Core 5.3), while what the token was
 * issued on still holds (as introspection answers).
 */
@Injectable()
export class UserInfoEndpoint {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly standing: TokenStanding,
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'POST') return sendOAuthError(response, 405, 'invalid_request', 'use GET or POST');
    const token = bearerTokenOf(request.headers.authorization);
    if (!token) return this.challenge(response, 'invalid_request', 'no access token provided');
    let principal: Principal;
    try {
      principal = await this.verifier.verify(token);
    } catch {
      return this.challenge(response, 'invalid_token', 'invalid token provided');
    }
    if (principal.kind !== 'user' || !principal.scopes.has('openid')) {
      return this.challenge(response, 'insufficient_scope', 'the openid scope was not granted', 403);
    }
    const standing = await this.standing.of(principal);
    if (!standing?.user) return this.challenge(response, 'invalid_token', 'the token no longer holds (client, account, membership or session)');
    response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(this.claims(principal, standing.user, standing.membership)));
  }

  private claims(principal: Principal, user: User, membership: MembershipView | undefined): Record<string, unknown> {
    const claims: Record<string, unknown> = { sub: user.id };
    if (principal.scopes.has('profile')) Object.assign(claims, { name: user.name, preferred_username: user.email });
    if (principal.scopes.has('email')) Object.assign(claims, { email: user.email, email_verified: user.snapshot().emailVerified });
    // Spec 001: with tenant_context or nexidentity.api, the tenant claims (the access token carries them too).
    if ((principal.scopes.has('tenant_context') || principal.scopes.has(API_SCOPE)) && membership) {
      Object.assign(claims, {
        user_id: user.id,
        tenant_id: membership.tenantId,
        slug: membership.tenantSlug,
        organization_id: membership.organizationId,
        membership_id: membership.membershipId,
        session_id: principal.sessionId,
        perm_ver: membership.permVer,
        ent_ver: membership.entVer,
      });
    }
    return claims;
  }

  private challenge(response: ServerResponse, error: string, description: string, status = 401): void {
    sendOAuthError(response, status, error, description, { 'WWW-Authenticate': `Bearer realm="nexinid", error="${error}", error_description="${description}"` });
  }
}
