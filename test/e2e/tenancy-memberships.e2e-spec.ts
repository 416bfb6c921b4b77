import { randomBytes } from 'node:crypto';
import { QueryBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Principal } from '#platform';
import { AuthorizeApplicationQuery, AuthorizeOrganizationQuery } from '#tenancy';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { signIn } from '../support/sign-in.js';
import { api, createApplication, registerTenant, signInAdmin, type RegisteredTenant } from '../support/tenants.js';

const MEMBER_PASSWORD = 'a long and unguessable passphrase';

describe('tenancy: memberships, invitations and roles (e2e)', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;
  let owner: ReturnType<typeof api>;
  let ownerToken: string;

  beforeAll(async () => {
    nexinid = await startNexinId({ env: { NEXINID_REGISTRATION_RATE_LIMIT: '1000' } });
    tenant = await registerTenant(nexinid, { plan: 'Team' });
    ownerToken = (await signInAdmin(nexinid, tenant)).accessToken;
    owner = api(nexinid, ownerToken);
  });
  afterAll(() => nexinid?.close());

  const memberships = () => `/api/organizations/${tenant.organizationId}/memberships`;
  const email = (who: string) => `${who}-${randomBytes(3).toString('hex')}@example.com`;
  const accept = (body: Record<string, unknown>) =>
    fetch(`${nexinid.baseUrl}/api/memberships/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  /** Invites, accepts with a new account, signs in: a member with `role`, ready to call the API. */
  async function joined(role: 'admin' | 'member') {
    const address = email(role);
    const invited = await owner.post(memberships(), { email: address, role });
    expect(invited.status).toBe(201);
    const accepted = await accept({ token: invited.body.invitationToken, password: MEMBER_PASSWORD, name: `A ${role}` });
    expect(accepted.status).toBe(200);
    const token = (await signIn(nexinid, { email: address, password: MEMBER_PASSWORD, organizationId: tenant.organizationId })).accessToken;
    return { membershipId: invited.body.membership.id as string, email: address, client: api(nexinid, token) };
  }

  it('invites by email with a one-time token that is stored hashed and expires in 7 days', async () => {
    const address = email('grace');
    const invited = await owner.post(memberships(), { email: address.toUpperCase(), role: 'member' });
    expect(invited.status).toBe(201);
    expect(invited.body.membership).toMatchObject({ email: address, role: 'member', status: 'invited', userId: null });
    expect(invited.body.invitationToken).toMatch(/^nxinv_[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(invited.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const stored = await nexinid.app.get(DataSource).query(`SELECT token_hash FROM tenancy.invitations WHERE membership_id = $1`, [invited.body.membership.id]);
    expect(stored[0].token_hash).not.toContain(invited.body.invitationToken);
    const listed = await owner.get(`${memberships()}?status=invited`);
    expect(JSON.stringify(listed.body)).not.toContain(invited.body.invitationToken);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(invited.body.membership.id);

    expect((await owner.post(memberships(), { email: address, role: 'member' })).body.code).toBe('tenancy.already_member');

    expect((await accept({ token: invited.body.invitationToken })).status).toBe(400);
    expect((await accept({ token: invited.body.invitationToken, password: 'short' })).status).toBe(400);
    const accepted = await accept({ token: invited.body.invitationToken, password: MEMBER_PASSWORD, name: 'Grace Hopper' });
    expect(accepted.status).toBe(200);
    expect((await accepted.json()) as object).toMatchObject({ membershipId: invited.body.membership.id, tenantId: tenant.tenantId, status: 'active', userCreated: true });
    const replay = await accept({ token: invited.body.invitationToken, password: MEMBER_PASSWORD });
    expect(replay.status).toBe(404);
    expect(((await replay.json()) as { code: string }).code).toBe('tenancy.invitation_not_found');
  });

  it('refuses unknown tokens and bad bodies on the public accept route', async () => {
    expect((await accept({ token: `nxinv_${randomBytes(32).toString('base64url')}`, password: MEMBER_PASSWORD })).status).toBe(404);
    expect((await accept({ token: 42 })).status).toBe(400);
    expect((await accept({ token: 'nxinv_abcdefghij', password: MEMBER_PASSWORD, admin: true })).status).toBe(400);
  });

  it('links an existing account only with its password', async () => {
    const address = email('existing');
    const elsewhere = await registerTenant(nexinid, { email: address });
    const invited = await owner.post(memberships(), { email: address, role: 'member' });
    const wrong = await accept({ token: invited.body.invitationToken, password: 'not the right passphrase' });
    expect(wrong.status).toBe(409);
    expect(((await wrong.json()) as { code: string }).code).toBe('identity.email_already_registered');
    const right = await accept({ token: invited.body.invitationToken, password: elsewhere.password });
    expect(right.status).toBe(200);
    expect((await right.json()) as object).toMatchObject({ userId: elsewhere.userId, userCreated: false });
  });

  it('lets a member read but not manage (403 naming the permission)', async () => {
    const member = await joined('member');
    await createApplication(nexinid, ownerToken, tenant.organizationId, 'readable');
    expect((await member.client.get(`/api/organizations/${tenant.organizationId}/applications`)).status).toBe(200);
    expect((await member.client.get(memberships())).status).toBe(200);
    const denied = await member.client.post(`/api/organizations/${tenant.organizationId}/applications`, { key: 'nope', name: 'x', externalConsumptionPolicy: 'none' });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 'tenancy.permission_denied', permission: 'applications.manage' });
    const invite = await member.client.post(memberships(), { email: email('x'), role: 'member' });
    expect(invite.body).toMatchObject({ code: 'tenancy.permission_denied', permission: 'members.manage' });
  });

  it('suspends and reactivates a membership, bumping perm_ver, and a suspended member is refused', async () => {
    const member = await joined('member');
    const suspended = await owner.post(`/api/memberships/${member.membershipId}/suspend`);
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', permVer: 3 });
    const refused = await member.client.get(`/api/organizations/${tenant.organizationId}/applications`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('tenancy.membership_inactive');
    expect((await owner.post(`/api/memberships/${member.membershipId}/suspend`)).status).toBe(409);
    const reactivated = await owner.post(`/api/memberships/${member.membershipId}/reactivate`);
    expect(reactivated.body).toMatchObject({ status: 'active', permVer: 4 });
    expect((await member.client.get(`/api/organizations/${tenant.organizationId}/applications`)).status).toBe(200);
  });

  it('tells a caller who it is: ids for the organization routes, scopes, and its membership as it is now', async () => {
    const me = await owner.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      kind: 'user',
      clientId: 'nexinid-console',
      userId: tenant.userId,
      tenantId: tenant.tenantId,
      organizationId: tenant.organizationId,
      membership: { id: tenant.membershipId, role: 'owner', status: 'active', organizationName: expect.any(String), tenantSlug: tenant.slug, permVer: 1, entVer: 1 },
      organizations: [{ membershipId: tenant.membershipId, organizationId: tenant.organizationId, organizationName: expect.any(String), tenantId: tenant.tenantId, tenantSlug: tenant.slug, role: 'owner' }],
      scopes: expect.arrayContaining(['nexidentity.api', 'tenant_context']),
      tokenPermVer: 1,
      tokenEntVer: 1,
      expiresAt: expect.any(String),
    });
    expect(Date.parse(me.body.expiresAt)).toBeGreaterThan(Date.now());

    // A member suspended after its token was issued: the answer shows the live status and the stale perm_ver.
    const member = await joined('member');
    expect((await owner.post(`/api/memberships/${member.membershipId}/suspend`)).status).toBe(200);
    const suspended = await member.client.get('/api/me');
    expect(suspended.status).toBe(200);
    expect(suspended.body.membership).toMatchObject({ id: member.membershipId, role: 'member', status: 'suspended', permVer: 3 });
    expect(suspended.body.tokenPermVer).toBe(2);
    expect(suspended.body.organizations).toEqual([]);

    expect((await fetch(`${nexinid.baseUrl}/api/me`)).status).toBe(401);
    const forged = await api(nexinid, `${ownerToken.slice(0, -4)}AAAA`).get('/api/me');
    expect(forged.status).toBe(401);
  });

  it('never removes, suspends or demotes the last active owner', async () => {
    const path = `/api/memberships/${tenant.membershipId}`;
    for (const response of [await owner.post(`${path}/suspend`), await owner.delete(path), await owner.patch(path, { role: 'admin' })]) {
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('tenancy.last_owner');
    }
  });

  it('lets admins manage members but not owners', async () => {
    const admin = await joined('admin');
    const member = await owner.post(memberships(), { email: email('m'), role: 'member' });
    expect((await admin.client.patch(`/api/memberships/${member.body.membership.id}`, { role: 'admin' })).status).toBe(200);
    const touchOwner = await admin.client.post(`/api/memberships/${tenant.membershipId}/suspend`);
    expect(touchOwner.status).toBe(403);
    expect(touchOwner.body.code).toBe('tenancy.permission_denied');
    expect((await admin.client.patch(`/api/memberships/${member.body.membership.id}`, { role: 'owner' })).status).toBe(403);
    expect((await admin.client.post(memberships(), { email: email('o'), role: 'owner' })).status).toBe(403);
    expect((await admin.client.delete(`/api/memberships/${member.body.membership.id}`)).status).toBe(204);
    expect((await owner.get(`${memberships()}?status=removed`)).body.items.map((item: { id: string }) => item.id)).toContain(member.body.membership.id);
    expect((await owner.patch(`/api/memberships/${tenant.membershipId}`, { role: 'superuser' })).status).toBe(400);
  });

  it('enforces MaxMembers (Developer: 5, invitations included) naming the quota', async () => {
    const small = await registerTenant(nexinid, { plan: 'Developer' });
    const smallOwner = api(nexinid, (await signInAdmin(nexinid, small)).accessToken);
    const path = `/api/organizations/${small.organizationId}/memberships`;
    for (let i = 0; i < 4; i += 1) expect((await smallOwner.post(path, { email: email(`filler${i}`), role: 'member' })).status).toBe(201);
    const response = await smallOwner.post(path, { email: email('sixth'), role: 'member' });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'tenancy.quota_exceeded', quota: 'MaxMembers', limit: 5, used: 5 });
  });

  it("answers 404 for another tenant's memberships and organization", async () => {
    const theirs = await registerTenant(nexinid);
    for (const response of [
      await owner.post(`/api/memberships/${theirs.membershipId}/suspend`),
      await owner.delete(`/api/memberships/${theirs.membershipId}`),
      await owner.patch(`/api/memberships/${theirs.membershipId}`, { role: 'member' }),
      await owner.get(`/api/organizations/${theirs.organizationId}/memberships`),
      await owner.post(`/api/organizations/${theirs.organizationId}/memberships`, { email: email('x'), role: 'member' }),
      await owner.post('/api/memberships/not-a-uuid/suspend'),
    ]) {
      expect(response.status).toBe(404);
    }
  });

  it('refuses admin routes to client-credentials tokens (no membership)', async () => {
    const app = await owner.get(`/api/organizations/${tenant.organizationId}/applications`);
    const client = await owner.post(`/api/applications/${app.body.items[0].id}/clients`, { type: 'Automation', name: 'Job' });
    expect(client.status).toBe(201);
    const token = await fetch(`${nexinid.baseUrl}/connect/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${client.body.clientId}:${client.body.clientSecret}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    expect(token.status).toBe(200);
    const machine = api(nexinid, ((await token.json()) as { access_token: string }).access_token);
    const response = await machine.get(`/api/organizations/${tenant.organizationId}/applications`);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('tenancy.permission_denied');
    const me = await machine.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'client', clientId: client.body.clientId, userId: null, tenantId: tenant.tenantId, organizationId: tenant.organizationId, membership: null, tokenPermVer: null });
  });

  it('answers the authorization queries other contexts use: client principals are denied, foreign ids not found', async () => {
    const queryBus = nexinid.app.get(QueryBus);
    const app = (await owner.get(`/api/organizations/${tenant.organizationId}/applications`)).body.items[0];
    const client: Principal = {
      kind: 'client',
      subject: 'job',
      clientId: 'job',
      tenantId: tenant.tenantId,
      organizationId: tenant.organizationId,
      membershipId: undefined,
      userId: undefined,
      sessionId: undefined,
      scopes: new Set(['nexidentity.api']),
      permVer: undefined,
      entVer: undefined,
      expiresAt: Math.floor(Date.now() / 1000) + 60,
      claims: {},
    };
    await expect(queryBus.execute(new AuthorizeOrganizationQuery(client, tenant.organizationId, 'applications.read'))).rejects.toMatchObject({
      code: 'tenancy.permission_denied',
      details: { permission: 'applications.read' },
    });
    const user: Principal = { ...client, kind: 'user', subject: tenant.userId, userId: tenant.userId, membershipId: tenant.membershipId };
    await expect(queryBus.execute(new AuthorizeOrganizationQuery(user, tenant.organizationId, 'members.manage'))).resolves.toEqual({
      tenantId: tenant.tenantId,
      organizationId: tenant.organizationId,
    });
    await expect(queryBus.execute(new AuthorizeApplicationQuery(user, app.id, 'clients.manage'))).resolves.toMatchObject({
      id: app.id,
      tenantId: tenant.tenantId,
      quotas: { maxClientsPerApplication: 10 },
    });
    const stranger = { ...user, tenantId: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10' };
    await expect(queryBus.execute(new AuthorizeApplicationQuery(stranger, app.id, 'applications.read'))).rejects.toMatchObject({
      code: 'tenancy.application_not_found',
    });
  });
});
