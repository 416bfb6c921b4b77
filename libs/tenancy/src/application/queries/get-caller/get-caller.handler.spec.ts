import { newId } from '#kernel';
import { type Principal, SignInSessions } from '#platform';
import { MembershipViews } from '../../ports/membership-views.js';
import type { MembershipView } from '../../read-models.js';
import { GetCallerHandler } from './get-caller.handler.js';
import { GetCallerQuery } from './get-caller.query.js';

class KnownMemberships extends MembershipViews {
  constructor(private readonly views: MembershipView[]) {
    super();
  }
  async find(membershipId: string): Promise<MembershipView | null> {
    return this.views.find((view) => view.membershipId === membershipId) ?? null;
  }
  async findMany(): Promise<MembershipView[]> {
    return [];
  }
  async listActive(userId: string, tenantId: string | null): Promise<MembershipView[]> {
    return this.views.filter((view) => view.userId === userId && view.status === 'active' && (tenantId === null || view.tenantId === tenantId));
  }
}

/** The sessions still signed in: the edge this handler asks. */
class SignedIn extends SignInSessions {
  constructor(private readonly ids: string[]) {
    super();
  }
  async active(sessionId: string): Promise<boolean> {
    return this.ids.includes(sessionId);
  }
}

const TENANT = newId();
const USER = newId();
const view: MembershipView = {
  membershipId: newId(),
  userId: USER,
  tenantId: TENANT,
  tenantSlug: 'acme',
  organizationId: newId(),
  organizationName: 'Acme HQ',
  role: 'admin',
  status: 'active',
  permVer: 5,
  entVer: 2,
};

const principal = (overrides: Partial<Principal> = {}): Principal => ({
  kind: 'user',
  subject: USER,
  clientId: 'nexinid-console',
  tenantId: TENANT,
  organizationId: view.organizationId,
  membershipId: view.membershipId,
  userId: USER,
  sessionId: 'session',
  scopes: new Set(['tenant_context', 'nexidentity.api', 'openid']),
  permVer: 4,
  entVer: 2,
  expiresAt: 1_800_000_000,
  claims: {},
  ...overrides,
});

/** The same user in another tenant: never listed to a token of the first. */
const elsewhere: MembershipView = { ...view, membershipId: newId(), tenantId: newId(), tenantSlug: 'globex', organizationId: newId(), organizationName: 'Globex' };

const ask = (who: Principal, sessions = new SignedIn(['session'])) => new GetCallerHandler(new KnownMemberships([view, elsewhere]), sessions).execute(new GetCallerQuery(who));

describe('GetCallerHandler', () => {
  it("answers the token's identity with its membership as it is now", async () => {
    expect(await ask(principal())).toEqual({
      kind: 'user',
      clientId: 'nexinid-console',
      userId: USER,
      tenantId: TENANT,
      organizationId: view.organizationId,
      membership: { id: view.membershipId, role: 'admin', status: 'active', organizationName: 'Acme HQ', tenantSlug: 'acme', permVer: 5, entVer: 2 },
      organizations: [{ membershipId: view.membershipId, organizationId: view.organizationId, organizationName: 'Acme HQ', tenantId: TENANT, tenantSlug: 'acme', role: 'admin' }],
      scopes: ['nexidentity.api', 'openid', 'tenant_context'],
      tokenPermVer: 4,
      tokenEntVer: 2,
      expiresAt: '2027-01-15T08:00:00.000Z',
    });
  });

  it("never shows a membership that is not the caller's own", async () => {
    expect((await ask(principal({ userId: newId() }))).membership).toBeNull();
    expect((await ask(principal({ tenantId: newId() }))).membership).toBeNull();
    expect((await ask(principal({ membershipId: newId() }))).membership).toBeNull();
    expect((await ask(principal({ membershipId: 'not-a-uuid' }))).membership).toBeNull();
  });

  it('answers a client token without a membership', async () => {
    const answer = await ask(principal({ kind: 'client', subject: 'svc_1', clientId: 'svc_1', userId: undefined, membershipId: undefined, permVer: undefined, entVer: undefined }));
    expect(answer).toMatchObject({ kind: 'client', clientId: 'svc_1', userId: null, membership: null, organizations: [], tokenPermVer: null, tokenEntVer: null });
  });

  it('refuses a token whose session has signed out, as the admin routes do', async () => {
    await expect(ask(principal(), new SignedIn([]))).rejects.toMatchObject({ code: 'platform.unauthorized', message: 'The session of this access token has signed out or expired.' });
    await expect(ask(principal({ sessionId: undefined }), new SignedIn([]))).resolves.toMatchObject({ kind: 'user' });
  });
});
