import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '#kernel';
import { type Principal, SignInSessions } from '#platform';
import { MembershipViews } from '../../ports/membership-views.js';
import type { MembershipView } from '../../read-models.js';
import type { CallerDetails } from '../../views.js';
import { GetCallerQuery } from './get-caller.query.js';

@QueryHandler(GetCallerQuery)
export class GetCallerHandler implements IQueryHandler<GetCallerQuery> {
  constructor(
    private readonly views: MembershipViews,
    private readonly sessions: SignInSessions,
  ) {}

  async execute({ principal }: GetCallerQuery): Promise<CallerDetails> {
    await this.sessions.ensureActive(principal);
    const membership = await this.membership(principal);
    const memberships = await this.switchable(principal);
    return {
      kind: principal.kind,
      clientId: principal.clientId,
      userId: principal.userId ?? null,
      tenantId: principal.tenantId ?? null,
      organizationId: principal.organizationId ?? null,
      membership: membership && {
        id: membership.membershipId,
        role: membership.role,
        status: membership.status,
        organizationName: membership.organizationName,
        tenantSlug: membership.tenantSlug,
        permVer: membership.permVer,
        entVer: membership.entVer,
      },
      organizations: memberships.map(({ membershipId, organizationId, organizationName, tenantId, tenantSlug, role }) => ({
        membershipId,
        organizationId,
        organizationName,
        tenantId,
        tenantSlug,
        role,
      })),
      scopes: [...principal.scopes].sort(),
      tokenPermVer: principal.permVer ?? null,
      tokenEntVer: principal.entVer ?? null,
      expiresAt: new Date(principal.expiresAt * 1000).toISOString(),
    };
  }

  /**
   * The user's other active memberships in the token's tenant: a token shows
   * nothing of the user's other tenants to whichever client holds it.
   */
  private async switchable(principal: Principal): Promise<MembershipView[]> {
    const { userId, tenantId } = principal;
    if (principal.kind !== 'user' || !userId || !isUuid(userId) || !tenantId || !isUuid(tenantId)) return [];
    return this.views.listActive(userId, tenantId);
  }

  /** The token's membership as it is now; only the caller's own (same user, same tenant). */
  private async membership(principal: Principal): Promise<MembershipView | null> {
    const { membershipId } = principal;
    if (principal.kind !== 'user' || !membershipId || !isUuid(membershipId)) return null;
    const view = await this.views.find(membershipId);
    return view && view.userId === principal.userId && view.tenantId === principal.tenantId ? view : null;
  }
}
