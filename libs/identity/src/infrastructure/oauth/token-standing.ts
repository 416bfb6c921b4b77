import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { type Principal, SignInSessions } from '#platform';
import { GetMembershipQuery, type MembershipView } from '#tenancy';
import type { User } from '../../domain/user/user.js';
import { UserRepository } from '../../domain/user/user.repository.js';
import { OidcProviderHolder } from './oidc-provider.holder.js';

export interface Standing {
  /** The token's user (absent for a client's own token). */
  user?: User;
  /** The token's membership, when it names one. */
  membership?: MembershipView;
}

/**
 * Whether what an access token was issued on still holds now: its client
 * exists and is enabled, and for a user the account is active, the membership
 * active and the session not signed out. Introspection and userinfo answer
 * only while it does; the admin API checks the membership and the session too
 * (tenancy's Access).
 */
@Injectable()
export class TokenStanding {
  constructor(
    private readonly users: UserRepository,
    private readonly queryBus: QueryBus,
    private readonly sessions: SignInSessions,
    private readonly holder: OidcProviderHolder,
  ) {}

  async of(principal: Principal): Promise<Standing | null> {
    if (!(await this.holder.provider.Client.find(principal.clientId))) return null;
    if (principal.kind === 'client') return {};
    const user = await this.users.findById(principal.subject);
    if (!user?.active) return null;
    let membership: MembershipView | undefined;
    if (principal.membershipId) {
      membership = (await this.queryBus.execute(new GetMembershipQuery(principal.membershipId))) ?? undefined;
      if (membership?.status !== 'active') return null;
    }
    if (principal.sessionId && !(await this.sessions.active(principal.sessionId))) return null;
    return { user, membership };
  }
}
