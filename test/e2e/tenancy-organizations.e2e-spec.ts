import { DataSource } from 'typeorm';
import { BrowserSession } from '../support/browser-session.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { joinMember } from '../support/licensing.js';
import { clientToken } from '../support/publishers.js';
import { CONSOLE_SCOPE, pkcePair, signIn } from '../support/sign-in.js';
import { api, registerTenant, signInAdmin } from '../support/tenants.js';

describe('tenancy: organizations of a tenant (e2e)', () => {
  let nexinid: TestNexinId;

  beforeAll(async () => {
    nexinid = await startNexinId({ env: { NEXINID_REGISTRATION_RATE_LIMIT: '1000' } });
  });
  afterAll(() => nexinid?.close());

  const organizationCount = async (tenantId: string) => {
    const [row] = await nexinid.app.get(DataSource).query(`SELECT count(*)::int AS n FROM tenancy.organizations WHERE tenant_id = $1`, [tenantId]);
    return (row as { n: number }).n;
  };

  async function owned(plan = 'Team') {
    const tenant = await registerTenant(nexinid, { plan });
    const token = (await signInAdmin(nexinid, tenant)).accessToken;
    return { tenant, token, owner: api(nexinid, token) };
  }

  it('creates an organization whose owner is the caller, recorded in both audit trails', async () => {
    const { tenant, owner } = await owned();
    const created = await owner.post('/api/organizations', { name: '  Acme Labs ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      tenantId: tenant.tenantId,
      name: 'Acme Labs',
      membershipId: expect.any(String),
      tenant: { slug: tenant.slug, plan: 'Team' },
      quotas: { maxOrganizations: 3 },
      usage: { organizations: 2, applications: 0, members: 1 },
    });
    const labs = created.body as { id: string; membershipId: string };

    // The old token acts in its own organization only; the new one needs a sign-in that chooses it.
    expect((await owner.get(`/api/organizations/${labs.id}`)).status).toBe(404);
    const signedIn = await signIn(nexinid, { email: tenant.email, password: tenant.password, organizationId: labs.id });
    expect(signedIn.claims).toMatchObject({ tenant_id: tenant.tenantId, organization_id: labs.id, membership_id: labs.membershipId, perm_ver: 1 });
    const inLabs = api(nexinid, signedIn.accessToken);
    expect((await inLabs.get(`/api/organizations/${labs.id}`)).body).toMatchObject({ id: labs.id, name: 'Acme Labs' });
    const members = await inLabs.get(`/api/organizations/${labs.id}/memberships`);
    expect(members.body.items).toEqual([expect.objectContaining({ id: labs.membershipId, userId: tenant.userId, role: 'owner', status: 'active' })]);
    // Applications count against the tenant's quota, members against each organization's.
    expect((await inLabs.post(`/api/organizations/${labs.id}/applications`, { key: 'lab-app', name: 'Lab app', externalConsumptionPolicy: 'none' })).status).toBe(201);
    expect((await owner.get(`/api/organizations/${tenant.organizationId}`)).body.usage).toEqual({ organizations: 2, applications: 1, members: 1 });
    const me = await inLabs.get('/api/me');
    expect(me.body.organizations.map((o: { organizationId: string }) => o.organizationId).sort()).toEqual([tenant.organizationId, labs.id].sort());

    for (const [client, organizationId] of [
      [inLabs, labs.id],
      [owner, tenant.organizationId],
    ] as const) {
      const events = await client.get(`/api/organizations/${organizationId}/audit-events?action=organization.created`);
      expect(events.status).toBe(200);
      expect(events.body.items).toEqual([
        expect.objectContaining({
          action: 'organization.created',
          actor: expect.objectContaining({ type: 'user', id: tenant.userId }),
          target: expect.objectContaining({ type: 'organization', id: labs.id, display: 'Acme Labs' }),
          outcome: 'success',
        }),
      ]);
    }
  });

  it('offers every organization on the hosted choice page when the request names none', async () => {
    const { tenant, owner } = await owned();
    expect((await owner.post('/api/organizations', { name: 'Second Floor' })).status).toBe(201);
    const browser = new BrowserSession(nexinid.baseUrl);
    const query = new URLSearchParams({
      client_id: 'nexinid-console',
      response_type: 'code',
      redirect_uri: `${nexinid.baseUrl}/docs/oauth2-redirect.html`,
      scope: CONSOLE_SCOPE,
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    });
    const start = await browser.follow(await browser.get(`/connect/authorize?${query}`));
    await start.response.text();
    const uid = new URL(start.response.url).pathname.split('/')[3];
    const choice = await browser.follow(await browser.postForm(`/ui/interaction/${uid}/login`, { email: tenant.email, password: tenant.password }));
    expect(choice.response.status).toBe(200);
    const page = await choice.response.text();
    expect([...page.matchAll(/name="membershipId" value="([^"]+)"/g)]).toHaveLength(2);
    expect(page).toContain('Second Floor');
  });

  it('keeps names unique in the tenant whatever their case, for creation and rename', async () => {
    const { tenant, owner } = await owned();
    expect((await owner.post('/api/organizations', { name: 'Research' })).status).toBe(201);
    const before = await organizationCount(tenant.tenantId);
    const duplicate = await owner.post('/api/organizations', { name: 'RESEARCH' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get('content-type')).toContain('application/problem+json');
    expect(duplicate.body).toMatchObject({ code: 'tenancy.organization_name_taken', name: 'RESEARCH' });
    const rename = await owner.patch(`/api/organizations/${tenant.organizationId}`, { name: 'research' });
    expect(rename.status).toBe(409);
    expect(rename.body.code).toBe('tenancy.organization_name_taken');
    expect(await organizationCount(tenant.tenantId)).toBe(before);
    expect((await owner.get(`/api/organizations/${tenant.organizationId}`)).body.name).toMatch(/HQ$/);
  });

  it('enforces MaxOrganizations (Developer: 1, Team: 3) naming the quota, also under concurrent requests', async () => {
    const developer = await owned('Developer');
    const refused = await developer.owner.post('/api/organizations', { name: 'Another' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'tenancy.quota_exceeded', quota: 'MaxOrganizations', limit: 1, used: 1, plan: 'Developer' });
    expect(await organizationCount(developer.tenant.tenantId)).toBe(1);

    const team = await owned('Team');
    const attempts = await Promise.all(Array.from({ length: 4 }, (_, i) => team.owner.post('/api/organizations', { name: `Squad ${i}` })));
    expect(attempts.map(({ status }) => status).sort()).toEqual([201, 201, 409, 409]);
    expect(attempts.filter(({ status }) => status === 409).every(({ body }) => body.quota === 'MaxOrganizations')).toBe(true);
    expect(await organizationCount(team.tenant.tenantId)).toBe(3);
  });

  it('lets owners and admins create organizations, not members nor client credentials', async () => {
    const { tenant, owner, token } = await owned();
    const joined = async (role: 'admin' | 'member') => {
      const { email, password } = await joinMember(nexinid, token, tenant.organizationId, role);
      return api(nexinid, (await signIn(nexinid, { email, password, organizationId: tenant.organizationId })).accessToken);
    };
    const member = await joined('member');
    const denied = await member.post('/api/organizations', { name: 'Not Mine' });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 'tenancy.permission_denied', permission: 'organizations.create' });
    const admin = await joined('admin');
    const byAdmin = await admin.post('/api/organizations', { name: 'Admin Made' });
    expect(byAdmin.status).toBe(201);

    const application = await owner.post(`/api/organizations/${tenant.organizationId}/applications`, { key: 'jobs', name: 'Jobs', externalConsumptionPolicy: 'none' });
    const client = await owner.post(`/api/applications/${application.body.id}/clients`, { type: 'Automation', name: 'Job' });
    const machine = api(nexinid, await clientToken(nexinid, client.body));
    const refused = await machine.post('/api/organizations', { name: 'Robots' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'tenancy.permission_denied', permission: 'organizations.create' });
    expect((await fetch(`${nexinid.baseUrl}/api/organizations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"x"}' })).status).toBe(401);
    expect(await organizationCount(tenant.tenantId)).toBe(2);
  });

  it('refuses bad bodies with field errors and writes nothing', async () => {
    const { tenant, owner, token } = await owned();
    const bodies: unknown[] = [{}, { name: '   ' }, { name: '' }, { name: 'x'.repeat(101) }, { name: 42 }, { name: 'Fine', extra: true }, []];
    for (const body of bodies) {
      const response = await owner.post('/api/organizations', body);
      expect({ body, status: response.status, type: response.headers.get('content-type') }).toEqual({ body, status: 400, type: expect.stringContaining('application/problem+json') });
    }
    const malformed = await fetch(`${nexinid.baseUrl}/api/organizations`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"name":' });
    expect(malformed.status).toBe(400);
    const blankRename = await owner.patch(`/api/organizations/${tenant.organizationId}`, { name: ' \t ' });
    expect(blankRename.status).toBe(400);
    expect(await organizationCount(tenant.tenantId)).toBe(1);
  });
});
