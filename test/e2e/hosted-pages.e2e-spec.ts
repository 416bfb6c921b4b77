import { decodeJwt } from 'jose';
import { BrowserSession } from '../support/browser-session.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { DataSource } from 'typeorm';
import { pkcePair, signIn } from '../support/sign-in.js';
import { ADMIN_PASSWORD, api, createApplication, registerTenant, signInAdmin, type RegisteredTenant } from '../support/tenants.js';

const MEMBER_PASSWORD = 'a long and unguessable passphrase';

describe('hosted sign-in pages (e2e)', () => {
  let nexinid: TestNexinId;
  let first: RegisteredTenant;
  let second: RegisteredTenant;

  beforeAll(async () => {
    nexinid = await startNexinId();
    first = await registerTenant(nexinid);
    second = await registerTenant(nexinid, { email: first.email });
  });
  afterAll(() => nexinid?.close());

  function authorizeUrl(clientId: string, redirectUri: string, scope = 'openid profile tenant_context nexidentity.api', extra: Record<string, string> = {}) {
    const { verifier, challenge } = pkcePair();
    const query = new URLSearchParams({ client_id: clientId, response_type: 'code', redirect_uri: redirectUri, scope, code_challenge: challenge, code_challenge_method: 'S256', state: 'xyz', ...extra });
    return { url: `/connect/authorize?${query}`, verifier };
  }

  async function login(browser: BrowserSession, url: string) {
    const page = await browser.follow(await browser.get(url));
    const uid = new URL(page.response.url).pathname.split('/')[3];
    await page.response.text();
    return { uid, step: await browser.follow(await browser.postForm(`/ui/interaction/${uid}/login`, { email: first.email, password: ADMIN_PASSWORD })) };
  }

  async function redeem(code: string, verifier: string, clientId: string, redirectUri: string) {
    const response = await fetch(`${nexinid.baseUrl}/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier, client_id: clientId, redirect_uri: redirectUri }).toString(),
    });
    expect(response.status).toBe(200);
    return decodeJwt(((await response.json()) as { access_token: string }).access_token);
  }

  it('serves its pages unframable, uncached, unsniffable and without script', async () => {
    const browser = new BrowserSession(nexinid.baseUrl);
    const page = await browser.follow(await browser.get(authorizeUrl('nexinid-console', `${nexinid.baseUrl}/docs/oauth2-redirect.html`).url));
    expect(page.response.status).toBe(200);
    const header = (name: string) => page.response.headers.get(name);
    expect([header('x-frame-options'), header('cache-control'), header('x-content-type-options'), header('referrer-policy')]).toEqual(['DENY', 'no-store', 'nosniff', 'no-referrer']);
    expect(header('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(header('content-security-policy')).not.toContain('script-src');
    expect(await page.response.text()).toContain('name="password"');
  });

  it('goes from the password straight back to the client when there is nothing to choose, recording one sign-in', async () => {
    const solo = await registerTenant(nexinid);
    const redirectUri = `${nexinid.baseUrl}/docs/oauth2-redirect.html`;
    for (const [who, organizationId] of [
      [solo, undefined],
      [first, second.organizationId],
    ] as const) {
      const browser = new BrowserSession(nexinid.baseUrl);
      const { verifier, challenge } = pkcePair();
      const query = new URLSearchParams({
        client_id: 'nexinid-console',
        response_type: 'code',
        redirect_uri: redirectUri,
        scope: 'openid profile tenant_context nexidentity.api',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        ...(organizationId ? { organization_id: organizationId } : {}),
      });
      const page = await browser.follow(await browser.get(`/connect/authorize?${query}`));
      await page.response.text();
      const uid = new URL(page.response.url).pathname.split('/')[3];
      const posted = await browser.postForm(`/ui/interaction/${uid}/login`, { email: who.email, password: ADMIN_PASSWORD });
      expect(posted.status).toBe(303);
      const resumed = await browser.get(posted.headers.get('location')!);
      expect(resumed.status).toBe(303);
      const back = new URL(resumed.headers.get('location')!);
      expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
      const claims = await redeem(back.searchParams.get('code')!, verifier, 'nexinid-console', redirectUri);
      const expected = organizationId ? second : solo;
      expect(claims).toMatchObject({ tenant_id: expected.tenantId, organization_id: expected.organizationId, membership_id: expected.membershipId, scope: expect.stringContaining('nexidentity.api') });
    }
    const admin = api(nexinid, (await signInAdmin(nexinid, solo)).accessToken);
    const signIns = await admin.get(`/api/organizations/${solo.organizationId}/audit-events?action=user.signed_in`);
    expect(signIns.body.items).toHaveLength(2); // this flow's and the admin's just above
    expect(signIns.body.items[0]).toMatchObject({ actor: { type: 'user', id: solo.userId, display: solo.email }, target: { type: 'client', id: 'nexinid-console' } });
  });

  it('refuses a sign-in into an organization the user is not a member of, rather than choosing another', async () => {
    const outsider = await registerTenant(nexinid);
    const browser = new BrowserSession(nexinid.baseUrl);
    const redirectUri = `${nexinid.baseUrl}/docs/oauth2-redirect.html`;
    const { url } = authorizeUrl('nexinid-console', redirectUri, undefined, { organization_id: outsider.organizationId });
    const { step } = await login(browser, url);
    expect(step.leftTo?.searchParams.get('error')).toBe('access_denied');
    expect(step.leftTo?.searchParams.get('error_description')).toContain('requested organization');
    expect(step.leftTo?.searchParams.get('code')).toBeNull();
  });

  it('lets a user with memberships in two tenants choose the organization, and the token carries the choice', async () => {
    expect(second.userId).toBe(first.userId);
    const browser = new BrowserSession(nexinid.baseUrl);
    const redirectUri = `${nexinid.baseUrl}/docs/oauth2-redirect.html`;
    const { url, verifier } = authorizeUrl('nexinid-console', redirectUri);
    const { uid, step } = await login(browser, url);
    expect(step.response.status).toBe(200);
    const page = await step.response.text();
    expect(page).toContain('Choose an organization');
    const choices = [...page.matchAll(/name="membershipId" value="([^"]+)"/g)].map((match) => match[1]);
    expect(choices.sort()).toEqual([first.membershipId, second.membershipId].sort());

    const forged = await browser.follow(await browser.postForm(`/ui/interaction/${uid}/confirm`, { membershipId: '01a20000-0000-7000-8000-000000000000' }));
    expect(forged.leftTo).toBeUndefined();
    expect(forged.response.status).toBe(400);
    expect(await forged.response.text()).toContain('Choose again');

    const done = await browser.follow(await browser.postForm(`/ui/interaction/${uid}/confirm`, { membershipId: second.membershipId }));
    const claims = await redeem(done.leftTo!.searchParams.get('code')!, verifier, 'nexinid-console', redirectUri);
    expect(claims).toMatchObject({ tenant_id: second.tenantId, organization_id: second.organizationId, membership_id: second.membershipId });
  });

  it("lists in GET /api/me the organizations of the token's tenant only, never the user's other tenants", async () => {
    for (const [tenant, other] of [[first, second], [second, first]]) {
      const token = (await signInAdmin(nexinid, tenant)).accessToken;
      const me = await api(nexinid, token).get('/api/me');
      expect(me.status).toBe(200);
      expect(me.body.organizationId).toBe(tenant.organizationId);
      expect(me.body.organizations).toEqual([
        { membershipId: tenant.membershipId, organizationId: tenant.organizationId, organizationName: expect.any(String), tenantId: tenant.tenantId, tenantSlug: tenant.slug, role: 'owner' },
      ]);
      expect(JSON.stringify(me.body)).not.toContain(other.tenantId);
    }
  });

  it('asks for consent when the request says prompt=consent, even with one membership, and records one sign-in', async () => {
    const solo = await registerTenant(nexinid);
    const admin = api(nexinid, (await signInAdmin(nexinid, solo)).accessToken);
    const signIns = async () => (await admin.get(`/api/organizations/${solo.organizationId}/audit-events?action=user.signed_in`)).body.items.length as number;
    const before = await signIns();
    const browser = new BrowserSession(nexinid.baseUrl);
    const redirectUri = `${nexinid.baseUrl}/docs/oauth2-redirect.html`;
    const { url, verifier } = authorizeUrl('nexinid-console', redirectUri, undefined, { prompt: 'consent' });
    const page = await browser.follow(await browser.get(url));
    await page.response.text();
    const uid = new URL(page.response.url).pathname.split('/')[3];
    const consent = await browser.follow(await browser.postForm(`/ui/interaction/${uid}/login`, { email: solo.email, password: ADMIN_PASSWORD }));
    expect(consent.response.status).toBe(200);
    const consentPage = await consent.response.text();
    expect(consentPage).toContain('Allow access?');
    expect(consentPage).toContain('nexidentity.api');
    const done = await browser.follow(await browser.postForm(`/ui/interaction/${uid}/confirm`, { membershipId: solo.membershipId }));
    const claims = await redeem(done.leftTo!.searchParams.get('code')!, verifier, 'nexinid-console', redirectUri);
    expect(claims).toMatchObject({ organization_id: solo.organizationId, membership_id: solo.membershipId });
    expect(await signIns()).toBe(before + 1);
    const [latest] = (await admin.get(`/api/organizations/${solo.organizationId}/audit-events?action=user.signed_in`)).body.items;
    expect(latest.diff).toMatchObject({ membershipId: solo.membershipId, scope: 'openid profile tenant_context' });
  });

  it('adds asked-for scopes to the grant of the same membership, and gives another membership its own grant', async () => {
    const browser = new BrowserSession(nexinid.baseUrl);
    const redirectUri = `${nexinid.baseUrl}/docs/oauth2-redirect.html`;
    const narrow = authorizeUrl('nexinid-console', redirectUri, 'openid tenant_context nexidentity.api', { organization_id: first.organizationId });
    const { step } = await login(browser, narrow.url);
    const firstClaims = await redeem(step.leftTo!.searchParams.get('code')!, narrow.verifier, 'nexinid-console', redirectUri);
    expect(firstClaims).toMatchObject({ organization_id: first.organizationId });

    const bindings = async (membershipId: string) =>
      ((await nexinid.app.get(DataSource).query(`SELECT count(*)::int AS n FROM identity.grant_contexts WHERE membership_id = $1`, [membershipId])) as Array<{ n: number }>)[0].n;
    const [firstBound, secondBound] = [await bindings(first.membershipId), await bindings(second.membershipId)];

    // More scopes, same session: the consent step offers both organizations. The same one keeps its grant.
    const wider = authorizeUrl('nexinid-console', redirectUri, 'openid profile email tenant_context nexidentity.api');
    const choice = await browser.follow(await browser.get(wider.url));
    const uid = new URL(choice.response.url).pathname.split('/')[3];
    expect(await choice.response.text()).toContain('Choose an organization');
    const same = await browser.follow(await browser.postForm(`/ui/interaction/${uid}/confirm`, { membershipId: first.membershipId }));
    const sameClaims = await redeem(same.leftTo!.searchParams.get('code')!, wider.verifier, 'nexinid-console', redirectUri);
    expect(sameClaims).toMatchObject({ organization_id: first.organizationId, membership_id: first.membershipId });
    expect(await bindings(first.membershipId)).toBe(firstBound);

    // Yet more scopes, and the other organization: a grant of its own, with what the client was granted before too
    // (the consent step lists only what the held grant lacks; without those the provider would ask again).
    const widest = authorizeUrl('nexinid-console', redirectUri, 'openid profile email offline_access tenant_context nexidentity.api', { prompt: 'consent' });
    const other = await browser.follow(await browser.get(widest.url));
    const otherUid = new URL(other.response.url).pathname.split('/')[3];
    await other.response.text();
    const switched = await browser.follow(await browser.postForm(`/ui/interaction/${otherUid}/confirm`, { membershipId: second.membershipId }));
    const switchedClaims = await redeem(switched.leftTo!.searchParams.get('code')!, widest.verifier, 'nexinid-console', redirectUri);
    expect(switchedClaims).toMatchObject({ organization_id: second.organizationId, membership_id: second.membershipId });
    expect(String(switchedClaims.scope).split(' ')).toEqual(expect.arrayContaining(['nexidentity.api', 'tenant_context']));
    expect(switchedClaims.sid).toBe(sameClaims.sid);
    expect([await bindings(first.membershipId), await bindings(second.membershipId)]).toEqual([firstBound, secondBound + 1]);
  });

  it('does not sign in again through a grant whose membership was suspended: the user gets the organization left', async () => {
    const tenant = await registerTenant(nexinid);
    const owner = api(nexinid, (await signInAdmin(nexinid, tenant)).accessToken);
    const labs = (await owner.post('/api/organizations', { name: 'Labs' })).body as { id: string; membershipId: string };
    const labsOwner = api(nexinid, (await signIn(nexinid, { email: tenant.email, password: ADMIN_PASSWORD, organizationId: labs.id })).accessToken);
    const email = `both-${labs.id.slice(-6)}@example.com`;
    const join = async (client: ReturnType<typeof api>, organizationId: string, password?: string) => {
      const invited = await client.post(`/api/organizations/${organizationId}/memberships`, { email, role: 'member' });
      const accepted = await fetch(`${nexinid.baseUrl}/api/memberships/invitations/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: invited.body.invitationToken, password: MEMBER_PASSWORD, ...(password ? {} : { name: 'Both' }) }),
      });
      expect(accepted.status).toBe(200);
      return invited.body.membership.id as string;
    };
    const inHq = await join(owner, tenant.organizationId);
    await join(labsOwner, labs.id, MEMBER_PASSWORD);

    const browser = new BrowserSession(nexinid.baseUrl);
    const redirectUri = `${nexinid.baseUrl}/docs/oauth2-redirect.html`;
    const hq = authorizeUrl('nexinid-console', redirectUri, undefined, { organization_id: tenant.organizationId });
    const page = await browser.follow(await browser.get(hq.url));
    await page.response.text();
    const uid = new URL(page.response.url).pathname.split('/')[3];
    const signedIn = await browser.follow(await browser.postForm(`/ui/interaction/${uid}/login`, { email, password: MEMBER_PASSWORD }));
    expect(await redeem(signedIn.leftTo!.searchParams.get('code')!, hq.verifier, 'nexinid-console', redirectUri)).toMatchObject({ organization_id: tenant.organizationId });

    expect((await owner.post(`/api/memberships/${inHq}/suspend`)).status).toBe(200);
    const again = authorizeUrl('nexinid-console', redirectUri);
    const back = await browser.follow(await browser.get(again.url));
    expect(back.leftTo?.searchParams.get('code')).toBeTruthy();
    expect(await redeem(back.leftTo!.searchParams.get('code')!, again.verifier, 'nexinid-console', redirectUri)).toMatchObject({ organization_id: labs.id });
  });

  it('asks for consent for a client that requires it, and a denial returns access_denied to the client', async () => {
    const token = (await signInAdmin(nexinid, first)).accessToken;
    const application = await createApplication(nexinid, token, first.organizationId);
    const redirectUri = 'https://partner.example.com/callback';
    const client = await api(nexinid, token).post(`/api/applications/${application.id}/clients`, {
      type: 'InteractiveWeb',
      name: 'Partner portal',
      redirectUris: [redirectUri],
      requireConsent: true,
    });
    expect(client.status).toBe(201);

    const denied = new BrowserSession(nexinid.baseUrl);
    const refused = await login(denied, authorizeUrl(client.body.clientId, redirectUri).url);
    expect(await refused.step.response.text()).toContain('Allow access?');
    const back = await denied.follow(await denied.postForm(`/ui/interaction/${refused.uid}/abort`, {}));
    expect(back.leftTo?.searchParams.get('error')).toBe('access_denied');

    const browser = new BrowserSession(nexinid.baseUrl);
    const { url, verifier } = authorizeUrl(client.body.clientId, redirectUri);
    const { uid, step } = await login(browser, url);
    const page = await step.response.text();
    expect(page).toContain('Partner portal');
    expect(page).toContain('nexidentity.api');
    const done = await browser.follow(await browser.postForm(`/ui/interaction/${uid}/confirm`, { membershipId: first.membershipId }));
    const claims = await redeem(done.leftTo!.searchParams.get('code')!, verifier, client.body.clientId, redirectUri);
    expect(claims).toMatchObject({ tenant_id: first.tenantId, client_id: client.body.clientId });
  });

  it('signs out through the hosted logout page and forgets the session', async () => {
    const browser = new BrowserSession(nexinid.baseUrl);
    const redirectUri = `${nexinid.baseUrl}/docs/oauth2-redirect.html`;
    const { uid } = await login(browser, authorizeUrl('nexinid-console', redirectUri, 'openid').url);
    await browser.follow(await browser.postForm(`/ui/interaction/${uid}/confirm`, { membershipId: first.membershipId }));

    const logout = await browser.get(`/connect/endsession?client_id=nexinid-console&post_logout_redirect_uri=${encodeURIComponent(`${nexinid.baseUrl}/docs`)}`);
    expect(logout.status).toBe(200);
    const page = await logout.text();
    expect(page).toContain('Sign out');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)![1];
    const confirmed = await browser.postForm('/connect/endsession/confirm', { xsrf, logout: 'yes' });
    expect(confirmed.headers.get('location')).toBe(`${nexinid.baseUrl}/docs`);

    const again = await browser.follow(await browser.get(authorizeUrl('nexinid-console', redirectUri, 'openid').url));
    expect(new URL(again.response.url).pathname).toMatch(/^\/ui\/interaction\//);
    expect(await again.response.text()).toContain('name="password"');
  });

  it('answers an expired or unknown interaction with a friendly page', async () => {
    const response = await fetch(`${nexinid.baseUrl}/ui/interaction/not-a-real-uid`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('no longer valid');
  });

  it('answers a sign-in form it cannot read (too large, a NUL character) with a page, and the browser can still sign in', async () => {
    const browser = new BrowserSession(nexinid.baseUrl);
    const page = await browser.follow(await browser.get(authorizeUrl('nexinid-console', `${nexinid.baseUrl}/docs/oauth2-redirect.html`).url));
    await page.response.text();
    const loginUrl = `${new URL(page.response.url).pathname}/login`;
    for (const [fields, status, says] of [
      [{ email: first.email, password: 'x'.repeat(70_000) }, 413, 'Too much to send'],
      [{ email: first.email, password: `${ADMIN_PASSWORD}\u0000` }, 400, 'could not be read'],
    ] as const) {
      const refused = await browser.postForm(loginUrl, fields);
      expect(refused.status).toBe(status);
      expect(refused.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(refused.headers.get('x-frame-options')).toBe('DENY');
      expect(await refused.text()).toContain(says);
    }
    const posted = await browser.postForm(loginUrl, { email: first.email, password: ADMIN_PASSWORD });
    expect(posted.status).toBe(303);
  });

  it('still answers a bad form to the REST API with a problem', async () => {
    const response = await fetch(`${nexinid.baseUrl}/api/tenants`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'slug=a%00b' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
