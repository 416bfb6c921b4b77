import { randomUUID } from 'node:crypto';
import { addMember, permVerOf, seedManifest } from '../support/authorization.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { signIn } from '../support/sign-in.js';
import { api, createApplication, registerTenant, signInAdmin, type RegisteredTenant } from '../support/tenants.js';
import { MEMBER_PASSWORD } from '../support/authorization.js';

const view = { featureKey: 'reports', actionKey: 'view' };
const exportReports = { featureKey: 'reports', actionKey: 'export' };
const approve = { featureKey: 'orders', actionKey: 'approve' };

describe('authorization: RBAC admin REST (e2e)', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;
  let other: RegisteredTenant;
  let ownerToken: string;
  let owner: ReturnType<typeof api>;
  let foreign: ReturnType<typeof api>;
  let applicationId: string;
  let member: { membershipId: string; email: string };
  const permVer = (membershipId = member.membershipId) => permVerOf(nexinid, ownerToken, tenant.organizationId, membershipId);

  beforeAll(async () => {
    nexinid = await startNexinId({ env: { NEXINID_REGISTRATION_RATE_LIMIT: '1000' } });
    tenant = await registerTenant(nexinid, { plan: 'Team' });
    other = await registerTenant(nexinid, { plan: 'Team' });
    ownerToken = (await signInAdmin(nexinid, tenant)).accessToken;
    owner = api(nexinid, ownerToken);
    foreign = api(nexinid, (await signInAdmin(nexinid, other)).accessToken);
    const application = await createApplication(nexinid, ownerToken, tenant.organizationId);
    applicationId = application.id;
    await seedManifest(nexinid, ownerToken, application);
    member = await addMember(nexinid, ownerToken, tenant);
  });
  afterAll(() => nexinid?.close());

  const roles = () => `/api/applications/${applicationId}/roles`;

  it('defines, reads, lists and updates a role validated against the active manifest', async () => {
    const created = await owner.post(roles(), { key: 'report-viewer', name: 'Report viewer', permissions: [view, view] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), key: 'report-viewer', applicationId, organizationId: tenant.organizationId, permissions: [view] });
    expect((await owner.get(`/api/roles/${created.body.id}`)).body).toMatchObject({ key: 'report-viewer' });
    expect((await owner.get(roles())).body.items.map((role: { id: string }) => role.id)).toContain(created.body.id);
    const updated = await owner.patch(`/api/roles/${created.body.id}`, { name: 'Viewer', permissions: [view, exportReports] });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Viewer', permissions: [exportReports, view] });
    expect((await owner.post(roles(), { key: 'report-viewer', name: 'Again', permissions: [] })).body.code).toBe('authorization.role_key_taken');
  });

  it('refuses an unknown permission with a 400 naming it, and an application without a manifest with a clear 409', async () => {
    const unknown = await owner.post(roles(), { key: 'bad', name: 'Bad', permissions: [view, { featureKey: 'reports', actionKey: 'delete' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'authorization.unknown_permission', permissions: [{ featureKey: 'reports', actionKey: 'delete' }] });
    expect(unknown.body.detail).toContain('reports:delete');
    const bare = await createApplication(nexinid, ownerToken, tenant.organizationId);
    const none = await owner.post(`/api/applications/${bare.id}/roles`, { key: 'any', name: 'Any', permissions: [view] });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('authorization.no_active_manifest');
  });

  it.each([
    ['a missing name', { key: 'x-role', permissions: [] }],
    ['a bad key', { key: 'Bad Key', name: 'x', permissions: [] }],
    ['permissions that are not a list', { key: 'x-role', name: 'x', permissions: 'reports:view' }],
    ['a permission without an action', { key: 'x-role', name: 'x', permissions: [{ featureKey: 'reports' }] }],
    ['an unknown field', { key: 'x-role', name: 'x', permissions: [], admin: true }],
  ])('answers 400 to a role with %s and writes nothing', async (_case, body) => {
    const before = (await owner.get(`${roles()}?limit=200`)).body.items.length;
    expect((await owner.post(roles(), body)).status).toBe(400);
    expect((await owner.get(`${roles()}?limit=200`)).body.items.length).toBe(before);
  });

  it('hides everything of another tenant behind 404s', async () => {
    const role = (await owner.post(roles(), { key: `private-${Date.now()}`, name: 'Private', permissions: [view] })).body;
    const group = (await owner.post(`/api/organizations/${tenant.organizationId}/groups`, { key: `g-${Date.now()}`, name: 'G' })).body;
    expect((await foreign.get(`/api/roles/${role.id}`)).status).toBe(404);
    expect((await foreign.patch(`/api/roles/${role.id}`, { name: 'mine' })).status).toBe(404);
    expect((await foreign.delete(`/api/roles/${role.id}`)).status).toBe(404);
    expect((await foreign.get(roles())).status).toBe(404);
    expect((await foreign.post(`/api/memberships/${member.membershipId}/roles`, { roleId: role.id })).status).toBe(404);
    expect((await foreign.get(`/api/groups/${group.id}`)).status).toBe(404);
    expect((await foreign.post(`/api/memberships/${member.membershipId}/grants`, { applicationId, ...view })).status).toBe(404);
    // The other tenant's own membership cannot get this tenant's role either.
    expect((await foreign.post(`/api/memberships/${other.membershipId}/roles`, { roleId: role.id })).status).toBe(404);
    expect((await owner.post(`/api/memberships/${other.membershipId}/roles`, { roleId: role.id })).status).toBe(404);
    expect((await owner.post(`/api/groups/${group.id}/members`, { membershipId: other.membershipId })).status).toBe(404);
    expect((await owner.get(`/api/roles/${randomUUID()}`)).status).toBe(404);
    expect((await owner.get('/api/roles/not-a-uuid')).status).toBe(404);
  });

  it('requires authorization.manage to change and authorization.read to look', async () => {
    const plain = await signIn(nexinid, { email: member.email, password: MEMBER_PASSWORD, organizationId: tenant.organizationId });
    const client = api(nexinid, plain.accessToken);
    const denied = await client.post(roles(), { key: 'nope', name: 'Nope', permissions: [] });
    expect(denied.status).toBe(403);
    expect(denied.body.permission).toBe('authorization.manage');
    expect((await client.get(roles())).status).toBe(403);
    expect((await client.post(`/api/organizations/${tenant.organizationId}/groups`, { key: 'nope', name: 'Nope' })).status).toBe(403);
  });

  it('bumps perm_ver exactly when effective permissions can change', async () => {
    const role = (await owner.post(roles(), { key: 'approver', name: 'Approver', permissions: [approve] })).body;
    let version = await permVer();
    const expectBump = async (bumped: boolean) => {
      const now = await permVer();
      expect(now).toBe(bumped ? version + 1 : version);
      version = now;
    };

    const assigned = await owner.post(`/api/memberships/${member.membershipId}/roles`, { roleId: role.id });
    expect(assigned.status).toBe(201);
    expect(assigned.body).toMatchObject({ id: expect.any(String), roleId: role.id, membershipId: member.membershipId });
    await expectBump(true);
    expect((await owner.post(`/api/memberships/${member.membershipId}/roles`, { roleId: role.id })).status).toBe(409);
    await expectBump(false);
    expect((await owner.get(`/api/memberships/${member.membershipId}/roles`)).body.items.map((item: { roleId: string }) => item.roleId)).toEqual([role.id]);

    expect((await owner.patch(`/api/roles/${role.id}`, { permissions: [approve] })).status).toBe(200);
    await expectBump(false);
    expect((await owner.patch(`/api/roles/${role.id}`, { name: 'Approvers' })).status).toBe(200);
    await expectBump(false);
    expect((await owner.patch(`/api/roles/${role.id}`, { permissions: [approve, view] })).status).toBe(200);
    await expectBump(true);

    const group = (await owner.post(`/api/organizations/${tenant.organizationId}/groups`, { key: 'finance', name: 'Finance' })).body;
    expect(group.id).toEqual(expect.any(String));
    const joined = await owner.post(`/api/groups/${group.id}/members`, { membershipId: member.membershipId });
    expect(joined.status).toBe(201);
    await expectBump(false); // the group holds nothing yet
    const groupRole = (await owner.post(roles(), { key: 'exporter', name: 'Exporter', permissions: [exportReports] })).body;
    expect((await owner.post(`/api/groups/${group.id}/roles`, { roleId: groupRole.id })).status).toBe(201);
    await expectBump(true);
    expect((await owner.patch(`/api/roles/${groupRole.id}`, { permissions: [exportReports, approve] })).status).toBe(200);
    await expectBump(true); // held through the group
    expect((await owner.patch(`/api/groups/${group.id}`, { name: 'Finance team' })).status).toBe(200);
    await expectBump(false);
    expect((await owner.get(`/api/groups/${group.id}/members`)).body.items).toEqual([{ membershipId: member.membershipId, addedAt: expect.any(String) }]);
    expect((await owner.delete(`/api/groups/${group.id}/members/${member.membershipId}`)).status).toBe(204);
    await expectBump(true);
    expect((await owner.post(`/api/groups/${group.id}/members`, { membershipId: member.membershipId })).status).toBe(201);
    await expectBump(true);

    const grant = await owner.post(`/api/memberships/${member.membershipId}/grants`, { applicationId, ...exportReports });
    expect(grant.status).toBe(201);
    expect(grant.body).toMatchObject({ id: expect.any(String), membershipId: member.membershipId, applicationId, ...exportReports });
    await expectBump(true);
    expect((await owner.post(`/api/memberships/${member.membershipId}/grants`, { applicationId, ...exportReports })).body.code).toBe('authorization.grant_exists');
    expect((await owner.post(`/api/memberships/${member.membershipId}/grants`, { applicationId, featureKey: 'nope', actionKey: 'x' })).status).toBe(400);
    await expectBump(false);
    expect((await owner.get(`/api/memberships/${member.membershipId}/grants`)).body.items).toHaveLength(1);

    const policy = await owner.post(`/api/applications/${applicationId}/resource-policies`, {
      subjectType: 'membership',
      subjectId: member.membershipId,
      ...view,
      resourceType: 'report',
      resourcePattern: 'eu-*',
      effect: 'allow',
    });
    expect(policy.status).toBe(201);
    expect(policy.body).toMatchObject({ id: expect.any(String), subjectType: 'membership', resourcePattern: 'eu-*', effect: 'allow' });
    await expectBump(true);
    expect((await owner.get(`/api/resource-policies/${policy.body.id}`)).body.id).toBe(policy.body.id);
    expect((await owner.get(`/api/applications/${applicationId}/resource-policies`)).body.items.map((item: { id: string }) => item.id)).toContain(policy.body.id);
    expect((await owner.delete(`/api/resource-policies/${policy.body.id}`)).status).toBe(204);
    await expectBump(true);

    expect((await owner.delete(`/api/grants/${grant.body.id}`)).status).toBe(204);
    await expectBump(true);
    expect((await owner.delete(`/api/memberships/${member.membershipId}/roles/${role.id}`)).status).toBe(204);
    await expectBump(true);
    expect((await owner.delete(`/api/memberships/${member.membershipId}/roles/${role.id}`)).status).toBe(404);
    expect((await owner.delete(`/api/roles/${groupRole.id}`)).status).toBe(204);
    await expectBump(true);
    expect((await owner.delete(`/api/groups/${group.id}`)).status).toBe(204);
    await expectBump(false); // its only role is gone, so leaving it changes nothing
    expect((await owner.get(`/api/groups/${group.id}`)).status).toBe(404);
  });

  it('validates resource policies: subject in the organization, pattern, effect', async () => {
    const base = { subjectType: 'organization', subjectId: tenant.organizationId, ...view, resourceType: 'report', resourcePattern: '*', effect: 'deny' };
    expect((await owner.post(`/api/applications/${applicationId}/resource-policies`, { ...base, effect: 'maybe' })).status).toBe(400);
    expect((await owner.post(`/api/applications/${applicationId}/resource-policies`, { ...base, resourcePattern: '' })).status).toBe(400);
    expect((await owner.post(`/api/applications/${applicationId}/resource-policies`, { ...base, subjectId: other.organizationId })).status).toBe(404);
    expect((await owner.post(`/api/applications/${applicationId}/resource-policies`, { ...base, subjectType: 'membership', subjectId: other.membershipId })).status).toBe(404);
    const before = await permVer();
    const created = await owner.post(`/api/applications/${applicationId}/resource-policies`, base);
    expect(created.status).toBe(201);
    expect(await permVer()).toBe(before + 1); // an organization-wide policy reaches every member
    expect((await owner.delete(`/api/resource-policies/${created.body.id}`)).status).toBe(204);
  });

  it('records audit events for every change', async () => {
    const role = (await owner.post(roles(), { key: `audited-${Date.now()}`, name: 'Audited', permissions: [view] })).body;
    await owner.post(`/api/memberships/${member.membershipId}/roles`, { roleId: role.id });
    await owner.delete(`/api/roles/${role.id}`);
    const feed = await owner.get(`/api/organizations/${tenant.organizationId}/audit-events?targetId=${role.id}`);
    expect(feed.body.items.map((event: { action: string }) => event.action).sort()).toEqual(['role.assigned', 'role.created', 'role.deleted']);
    const actions = (await owner.get(`/api/organizations/${tenant.organizationId}/audit-events?limit=200`)).body.items.map((event: { action: string }) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['role.updated', 'role.unassigned', 'group.created', 'group.member_added', 'group.member_removed', 'grant.created', 'grant.deleted', 'resource_policy.created', 'resource_policy.deleted']));
  });
});
