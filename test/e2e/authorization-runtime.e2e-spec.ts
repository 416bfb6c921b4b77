import { decodeJwt } from 'jose';
import { addMember, createAppClient, createService, seedManifest, signInToApp } from '../support/authorization.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { clientToken, provisionClient } from '../support/publishers.js';
import { bearer } from '../support/sign-in.js';
import { api, createApplication, registerTenant, signInAdmin, type RegisteredTenant } from '../support/tenants.js';

const view = { featureKey: 'reports', actionKey: 'view' };
const exportReports = { featureKey: 'reports', actionKey: 'export' };
const approve = { featureKey: 'orders', actionKey: 'approve' };

describe('authorization: runtime check, snapshot and explain (e2e)', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;
  let ownerToken: string;
  let owner: ReturnType<typeof api>;
  let applicationId: string;
  let clientId: string;
  let member: { membershipId: string; email: string };
  let memberToken: string;
  let roleId: string;
  let serviceToken: () => Promise<string>;

  const call = async (token: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${nexinid.baseUrl}/api/runtime/authorization/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...bearer(token), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  const check = (token: string, body: unknown) => call(token, 'check', body);

  beforeAll(async () => {
    nexinid = await startNexinId({ env: { NEXINID_REGISTRATION_RATE_LIMIT: '1000' } });
    tenant = await registerTenant(nexinid, { plan: 'Team' });
    ownerToken = (await signInAdmin(nexinid, tenant)).accessToken;
    owner = api(nexinid, ownerToken);
    const application = await createApplication(nexinid, ownerToken, tenant.organizationId);
    applicationId = application.id;
    await seedManifest(nexinid, ownerToken, application);
    clientId = await createAppClient(nexinid, ownerToken, applicationId);
    member = await addMember(nexinid, ownerToken, tenant);
    roleId = (await owner.post(`/api/applications/${applicationId}/roles`, { key: 'viewer', name: 'Viewer', permissions: [view] })).body.id;
    expect((await owner.post(`/api/memberships/${member.membershipId}/roles`, { roleId })).status).toBe(201);
    memberToken = (await signInToApp(nexinid, clientId, member, tenant.organizationId)).accessToken;
    serviceToken = await createService(nexinid, ownerToken, applicationId);
  });
  afterAll(() => nexinid?.close());

  it('answers any, all and each permission with the live perm_ver', async () => {
    const tokenPermVer = decodeJwt(memberToken).perm_ver;
    const answer = await check(memberToken, { permissions: [view, approve, { featureKey: 'reports', actionKey: 'delete' }] });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      membershipId: member.membershipId,
      applicationId,
      permVer: tokenPermVer,
      tokenPermVer,
      stale: false,
      grantedAny: true,
      grantedAll: false,
      manifestVersion: 1,
      results: [
        { ...view, granted: true, reason: null },
        { ...approve, granted: false, reason: 'not_granted' },
        { featureKey: 'reports', actionKey: 'delete', granted: false, reason: 'unknown_permission' },
      ],
    });
  });

  it('limits the batch and validates the body', async () => {
    const many = Array.from({ length: 101 }, () => view);
    expect((await check(memberToken, { permissions: many })).status).toBe(400);
    expect((await check(memberToken, { permissions: many.slice(0, 100) })).body.grantedAll).toBe(true);
    expect((await check(memberToken, { permissions: [] })).status).toBe(400);
    expect((await check(memberToken, { permissions: [{ featureKey: 'reports' }] })).status).toBe(400);
    expect((await check(memberToken, { permissions: [view], resource: { type: 'report' } })).status).toBe(400);
    expect((await check(memberToken, { permissions: [view], extra: 1 })).status).toBe(400);
  });

  it('answers bad requests to the checks (served ahead of Express) as every REST route does', async () => {
    const raw = (path: string, init: RequestInit) => fetch(`${nexinid.baseUrl}/api/runtime/authorization/${path}`, init);
    const read = async (response: Response) => (await response.json()) as Record<string, unknown>;
    const json = { 'content-type': 'application/json' };
    const body = JSON.stringify({ permissions: [view] });
    for (const path of ['check', 'check-scoped']) {
      const anonymous = await raw(path, { method: 'POST', headers: { ...json, 'x-request-id': 'trace-1' }, body });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="nexinid"');
      expect(anonymous.headers.get('x-request-id')).toBe('trace-1');
      expect(await read(anonymous)).toMatchObject({ status: 401, code: 'platform.unauthorized', instance: `/api/runtime/authorization/${path}`, requestId: 'trace-1' });

      const forged = await raw(path, { method: 'POST', headers: { ...json, authorization: `Bearer ${memberToken.slice(0, -4)}AAAA` }, body });
      expect(forged.status).toBe(401);
      expect(forged.headers.get('www-authenticate')).toMatch(/^Bearer realm="nexinid", error="invalid_token"/);
      const notBearer = await raw(path, { method: 'POST', headers: { ...json, authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, body });
      expect(notBearer.status).toBe(401);
    }

    const publisherToken = await clientToken(nexinid, await provisionClient(nexinid, ownerToken, applicationId));
    const unscoped = await raw('check', { method: 'POST', headers: { ...json, ...bearer(publisherToken) }, body });
    expect(unscoped.status).toBe(403);
    expect(unscoped.headers.get('www-authenticate')).toBe('Bearer realm="nexinid", error="insufficient_scope", scope="nexidentity.api nexidentity.runtime_authorization"');
    expect((await read(unscoped)).code).toBe('platform.insufficient_scope');

    const send = (init: RequestInit) => raw('check', { method: 'POST', ...init, headers: { ...bearer(memberToken), ...(init.headers as Record<string, string>) } });
    const malformed = await send({ headers: json, body: '{"permissions": [' });
    expect([malformed.status, (await read(malformed)).code]).toEqual([400, 'platform.malformed_json']);
    const huge = await send({ headers: json, body: JSON.stringify({ permissions: [view], padding: 'x'.repeat(70 * 1024) }) });
    expect([huge.status, (await read(huge)).code]).toEqual([413, 'platform.payload_too_large']);
    const latin1 = await send({ headers: { 'content-type': 'application/json; charset=latin1' }, body });
    expect([latin1.status, (await read(latin1)).code]).toEqual([415, 'platform.unsupported_media_type']);
    const form = await send({ headers: { 'content-type': 'text/plain' }, body });
    expect([form.status, (await read(form)).code]).toEqual([400, 'platform.validation_failed']);
    const array = await send({ headers: json, body: '[]' });
    expect([array.status, (await read(array)).code]).toEqual([400, 'platform.validation_failed']);

    // Other methods on the same path are Express's: no such route.
    const get = await raw('check', { headers: bearer(memberToken) });
    expect([get.status, (await read(get)).code]).toEqual([404, 'platform.not_found']);
    // A query string does not change the route.
    const withQuery = await raw('check?x=1', { method: 'POST', headers: { ...json, ...bearer(memberToken) }, body });
    expect([withQuery.status, (await read(withQuery)).grantedAll]).toEqual([200, true]);
  });

  it('never answers stale after a role change, and tells the token it is behind', async () => {
    const before = decodeJwt(memberToken).perm_ver as number;
    expect((await owner.patch(`/api/roles/${roleId}`, { permissions: [view, exportReports] })).status).toBe(200);
    const answer = await check(memberToken, { permissions: [exportReports] });
    expect(answer.body).toMatchObject({ grantedAll: true, permVer: before + 1, tokenPermVer: before, stale: true });
    expect((await owner.patch(`/api/roles/${roleId}`, { permissions: [view] })).status).toBe(200);
    expect((await check(memberToken, { permissions: [exportReports] })).body).toMatchObject({ grantedAll: false, permVer: before + 2 });

    memberToken = (await signInToApp(nexinid, clientId, member, tenant.organizationId)).accessToken;
    expect(decodeJwt(memberToken).perm_ver).toBe(before + 2);
    expect((await check(memberToken, { permissions: [view] })).body).toMatchObject({ stale: false, tokenPermVer: before + 2 });
  });

  it('serves the snapshot with perm_ver as ETag and 304 while it is current', async () => {
    const first = await call(memberToken, 'snapshot');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ membershipId: member.membershipId, applicationId, membershipStatus: 'active', permissions: [{ ...view, resourceScoped: false, policies: [] }] });
    const etag = first.headers.get('etag')!;
    expect(etag).toBe(`"${first.body.permVer}"`);
    expect((await call(memberToken, 'snapshot', undefined, { 'if-none-match': etag })).status).toBe(304);

    const grant = await owner.post(`/api/memberships/${member.membershipId}/grants`, { applicationId, ...approve });
    const changed = await call(memberToken, 'snapshot', undefined, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe(`"${first.body.permVer + 1}"`);
    expect(changed.body.permissions.map((p: { featureKey: string; actionKey: string }) => `${p.featureKey}:${p.actionKey}`)).toEqual(['orders:approve', 'reports:view']);
    expect(changed.body.stale).toBe(true);
    await owner.delete(`/api/grants/${grant.body.id}`);
  });

  it('narrows by resource policies (deny wins, allows restrict) and explains each decision', async () => {
    const group = (await owner.post(`/api/organizations/${tenant.organizationId}/groups`, { key: 'eu-analysts', name: 'EU analysts' })).body;
    await owner.post(`/api/groups/${group.id}/members`, { membershipId: member.membershipId });
    const exporter = (await owner.post(`/api/applications/${applicationId}/roles`, { key: 'exporter', name: 'Exporter', permissions: [exportReports] })).body;
    await owner.post(`/api/groups/${group.id}/roles`, { roleId: exporter.id });
    const policy = (effect: string, resourcePattern: string) =>
      owner.post(`/api/applications/${applicationId}/resource-policies`, { subjectType: 'group', subjectId: group.id, ...exportReports, resourceType: 'report', resourcePattern, effect });
    const allow = (await policy('allow', 'eu-*')).body;
    const deny = (await policy('deny', 'eu-secret-*')).body;

    const on = (id: string) => check(memberToken, { permissions: [exportReports], resource: { type: 'report', id } });
    expect((await on('eu-1')).body.results[0]).toEqual({ ...exportReports, granted: true, reason: null });
    expect((await on('us-1')).body.results[0]).toMatchObject({ granted: false, reason: 'not_allowed_for_resource' });
    expect((await on('eu-secret-1')).body.results[0]).toMatchObject({ granted: false, reason: 'denied_by_policy' });
    expect((await check(memberToken, { permissions: [exportReports], resource: { type: 'invoice', id: 'us-1' } })).body.grantedAll).toBe(true);
    expect((await check(memberToken, { permissions: [exportReports] })).body.grantedAll).toBe(true);

    const explained = await call(memberToken, 'explain', { permissions: [exportReports, view, approve], resource: { type: 'report', id: 'eu-secret-9' } });
    expect(explained.status).toBe(200);
    expect(explained.body).toMatchObject({ membershipId: member.membershipId, grantedAny: true, grantedAll: false, permVer: expect.any(Number) });
    const [exported, viewed, approved] = explained.body.results;
    expect(exported).toMatchObject({
      granted: false,
      reason: 'denied_by_policy',
      grantedBy: [{ type: 'role', roleId: exporter.id, roleKey: 'exporter', via: 'group', groupId: group.id, groupKey: 'eu-analysts' }],
    });
    expect(exported.policies).toEqual(
      expect.arrayContaining([
        { policyId: deny.id, effect: 'deny', resourcePattern: 'eu-secret-*', matched: true },
        { policyId: allow.id, effect: 'allow', resourcePattern: 'eu-*', matched: true },
      ]),
    );
    expect(viewed).toMatchObject({ granted: true, reason: null, grantedBy: [{ type: 'role', roleId, via: 'membership' }], policies: [] });
    expect(approved).toMatchObject({ granted: false, reason: 'not_granted', grantedBy: [] });
    const snapshot = await call(memberToken, 'snapshot');
    expect(snapshot.body.permissions.find((p: { actionKey: string }) => p.actionKey === 'export')).toMatchObject({ resourceScoped: true, policies: expect.any(Array) });
    await owner.delete(`/api/groups/${group.id}`);
  });

  it('lets a service ask on behalf of a membership of its own tenant, never of another', async () => {
    const token = await serviceToken();
    const answer = await check(token, { permissions: [view], membershipId: member.membershipId });
    expect(answer.body).toMatchObject({ grantedAll: true, membershipId: member.membershipId, tokenPermVer: null, stale: false });
    expect((await call(token, `snapshot?membershipId=${member.membershipId}`)).body.permissions).toHaveLength(1);
    expect((await call(token, 'explain', { permissions: [view], membershipId: member.membershipId })).body.results[0].grantedBy).toHaveLength(1);
    expect((await check(token, { permissions: [view] })).body.code).toBe('authorization.membership_required');

    const other = await registerTenant(nexinid, { plan: 'Team' });
    const otherToken = (await signInAdmin(nexinid, other)).accessToken;
    const otherApp = await createApplication(nexinid, otherToken, other.organizationId);
    const intruder = await (await createService(nexinid, otherToken, otherApp.id))();
    const refused = await check(intruder, { permissions: [view], membershipId: member.membershipId });
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('authorization.membership_not_found');
    expect((await call(intruder, `snapshot?membershipId=${member.membershipId}`)).status).toBe(404);
    expect((await check(token, { permissions: [view], membershipId: other.membershipId })).status).toBe(404);

    const plainService = await (await createService(nexinid, ownerToken, applicationId, ['nexidentity.api']))();
    expect((await check(plainService, { permissions: [view], membershipId: member.membershipId })).status).toBe(403);
    expect((await check(memberToken, { permissions: [view], membershipId: tenant.membershipId })).body.code).toBe('authorization.on_behalf_not_allowed');
  });

  it('denies everything to a suspended membership, and answers a console token without application', async () => {
    const console = (await signInAdmin(nexinid, tenant)).accessToken;
    expect((await check(console, { permissions: [view] })).body.code).toBe('authorization.no_application_context');
    expect((await owner.post(`/api/memberships/${member.membershipId}/suspend`)).status).toBe(200);
    const denied = await check(memberToken, { permissions: [view] });
    expect(denied.body).toMatchObject({ grantedAny: false, results: [{ ...view, granted: false, reason: 'membership_inactive' }] });
    const snapshot = await call(memberToken, 'snapshot');
    expect(snapshot.body).toMatchObject({ membershipStatus: 'suspended', permissions: [] });
    expect(snapshot.headers.get('etag')).toContain('suspended');
    expect((await owner.post(`/api/memberships/${member.membershipId}/reactivate`)).status).toBe(200);
    expect((await check(memberToken, { permissions: [view] })).body.grantedAll).toBe(true);
  });

  it('removes the roles, grants and policies of a deleted application', async () => {
    const doomed = await createApplication(nexinid, ownerToken, tenant.organizationId);
    await seedManifest(nexinid, ownerToken, doomed);
    const role = (await owner.post(`/api/applications/${doomed.id}/roles`, { key: 'doomed', name: 'Doomed', permissions: [view] })).body;
    await owner.post(`/api/memberships/${member.membershipId}/roles`, { roleId: role.id });
    expect((await owner.delete(`/api/applications/${doomed.id}`)).status).toBe(204);
    const { OutboxRelay } = await import('#platform');
    await nexinid.app.get(OutboxRelay).drain();
    expect((await owner.get(`/api/roles/${role.id}`)).status).toBe(404);
    expect((await owner.get(`/api/memberships/${member.membershipId}/roles`)).body.items.map((item: { roleId: string }) => item.roleId)).not.toContain(role.id);
  });
});
