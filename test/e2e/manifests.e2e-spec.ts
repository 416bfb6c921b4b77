import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditTrail } from '#platform';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { basicAuth, clientToken, provisionClient, PUBLISH_SCOPE, publishManifest, type ProvisionedClient } from '../support/publishers.js';
import { api, createApplication, registerTenant, signInAdmin, type RegisteredTenant } from '../support/tenants.js';

const V1 = {
  features: [
    { key: 'reports.advanced', name: 'Advanced reports', description: 'Pivots', actions: [{ key: 'view' }, { key: 'export', description: 'CSV' }] },
    { key: 'billing', name: 'Billing', actions: [{ key: 'pay' }] },
  ],
};
const V2 = {
  features: [
    { key: 'reports.advanced', name: 'Reports+', description: 'Pivots', actions: [{ key: 'view' }, { key: 'export', description: 'CSV and XLSX' }, { key: 'share' }] },
    { key: 'billing', name: 'Billing', actions: [{ key: 'pay' }] },
    { key: 'audit', name: 'Audit', actions: [{ key: 'read' }] },
  ],
};

describe('feature manifests (e2e)', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;
  let admin: ReturnType<typeof api>;
  let adminToken: string;
  let app: { id: string; key: string };
  let otherApp: { id: string; key: string };
  let publisher: ProvisionedClient;
  let otherPublisher: ProvisionedClient;
  let automation: ProvisionedClient;
  let token: string;

  beforeAll(async () => {
    nexinid = await startNexinId();
    tenant = await registerTenant(nexinid);
    adminToken = (await signInAdmin(nexinid, tenant)).accessToken;
    admin = api(nexinid, adminToken);
    app = await createApplication(nexinid, adminToken, tenant.organizationId);
    otherApp = await createApplication(nexinid, adminToken, tenant.organizationId);
    publisher = await provisionClient(nexinid, adminToken, app.id);
    otherPublisher = await provisionClient(nexinid, adminToken, otherApp.id);
    automation = await provisionClient(nexinid, adminToken, app.id, 'Automation');
    token = await clientToken(nexinid, publisher, PUBLISH_SCOPE);
  });
  afterAll(() => nexinid?.close());

  const manifests = (applicationId = app.id) => `/api/applications/${applicationId}/manifests`;
  const flushAudit = () => (nexinid.app.get(AuditTrail) as unknown as { flush(): Promise<void> }).flush();
  const versionCount = async () => (await admin.get(manifests())).body.items.length as number;

  it('serves the JSON Schema publicly as application/schema+json', async () => {
    const response = await fetch(`${nexinid.baseUrl}/api/schemas/feature-manifest`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/schema+json');
    expect(await response.json()).toMatchObject({ $id: expect.any(String), required: ['features'] });
  });

  it('has no active manifest before the first publish', async () => {
    const response = await admin.get(`${manifests()}/active`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('authorization.manifest_not_found');
  });

  it('publishes version 1 with a client-credentials token, every permission added', async () => {
    const response = await publishManifest(nexinid, `Bearer ${token}`, app.key, V1);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ applicationId: app.id, applicationKey: app.key, version: 1, changed: true, dryRun: false, pruned: [] });
    expect(response.body.diff.added).toEqual({
      features: ['billing', 'reports.advanced'],
      actions: [
        { featureKey: 'billing', actionKey: 'pay' },
        { featureKey: 'reports.advanced', actionKey: 'export' },
        { featureKey: 'reports.advanced', actionKey: 'view' },
      ],
    });
    const active = await admin.get(`${manifests()}/active`);
    expect(active.body).toMatchObject({ version: 1, active: true, publishedBy: publisher.clientId, featureCount: 2, permissionCount: 3 });
    expect(active.body.features[0]).toEqual({ key: 'billing', name: 'Billing', description: '', actions: [{ key: 'pay', description: '' }] });
  });

  it('is idempotent: the same content, reordered, is not a new version', async () => {
    const reordered = { features: [...V1.features].reverse().map((feature) => ({ ...feature, actions: [...feature.actions].reverse() })) };
    const response = await publishManifest(nexinid, `Bearer ${token}`, app.key, reordered);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: 1, changed: false, diff: { added: { features: [], actions: [] }, removed: { features: [], actions: [] }, changed: [] } });
    expect(await versionCount()).toBe(1);
  });

  it('dry-runs without writing anything', async () => {
    const response = await publishManifest(nexinid, `Bearer ${token}`, app.key, V2, 'dryRun=true');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: 2, changed: true, dryRun: true, publishedAt: null });
    expect(await versionCount()).toBe(1);
    expect((await admin.get(`${manifests()}/active`)).body.version).toBe(1);
  });

  it('publishes version 2 on the Basic path and answers the diff', async () => {
    const response = await publishManifest(nexinid, basicAuth(publisher.clientId, publisher.clientSecret), app.key, V2);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: 2, changed: true });
    expect(response.body.diff).toEqual({
      added: { features: ['audit'], actions: [{ featureKey: 'audit', actionKey: 'read' }, { featureKey: 'reports.advanced', actionKey: 'share' }] },
      removed: { features: [], actions: [] },
      changed: [
        { featureKey: 'reports.advanced', actionKey: null, field: 'name', from: 'Advanced reports', to: 'Reports+' },
        { featureKey: 'reports.advanced', actionKey: 'export', field: 'description', from: 'CSV', to: 'CSV and XLSX' },
      ],
    });
    const listed = await admin.get(manifests());
    expect(listed.body.items.map((item: { version: number; active: boolean }) => [item.version, item.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect((await admin.get(`${manifests()}/1`)).body.features.find((f: { key: string }) => f.key === 'reports.advanced').name).toBe('Advanced reports');
  });

  it('paginates versions newest first', async () => {
    const first = await admin.get(`${manifests()}?limit=1`);
    expect(first.body).toMatchObject({ items: [{ version: 2 }], nextCursor: '2' });
    const second = await admin.get(`${manifests()}?limit=1&cursor=2`);
    expect(second.body).toMatchObject({ items: [{ version: 1 }], nextCursor: null });
    expect((await admin.get(`${manifests()}?cursor=abc`)).status).toBe(400);
  });

  it('answers an invalid document with 400 listing each error by JSON path, writing nothing', async () => {
    const bad = { features: [{ key: 'Reports Advanced', name: 'x', actions: [] }, { key: 'ok', name: 'Ok', actions: [{ key: 'view' }, { key: 'view' }] }], extra: 1 };
    const response = await publishManifest(nexinid, `Bearer ${token}`, app.key, bad);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('authorization.invalid_manifest');
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['$.extra', '$.features[0].key', '$.features[0].actions']));
    expect((await publishManifest(nexinid, `Bearer ${token}`, app.key, { features: [{ key: 'a', name: 'A', actions: [{ key: 'v' }, { key: 'v' }] }] })).body.errors).toEqual([
      { field: '$.features[0].actions[1].key', message: expect.stringContaining('duplicate action key "v"') },
    ]);
    expect(await versionCount()).toBe(2);
  });

  it('refuses missing or bad credentials with 401 and both challenges', async () => {
    const none = await publishManifest(nexinid, undefined, app.key, V1);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Basic realm="nexinid"');
    const wrongSecret = await publishManifest(nexinid, basicAuth(publisher.clientId, 'nxs_wrong'), app.key, V1);
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body.code).toBe('authorization.publisher_unauthenticated');
    expect((await publishManifest(nexinid, 'Bearer not.a.jwt', app.key, V1)).status).toBe(401);
    for (const [clientId, secret] of [[`${publisher.clientId}\u0000`, 'x'], [publisher.clientId, '%00']]) {
      const malformed = await publishManifest(nexinid, basicAuth(clientId, secret), app.key, V1);
      expect([malformed.status, malformed.body.code]).toEqual([401, 'authorization.publisher_unauthenticated']);
    }
    expect(await versionCount()).toBe(2);
  });

  it('refuses clients that are not ManifestPublishers, on both paths, with 403', async () => {
    const automationToken = await clientToken(nexinid, automation);
    const bearer = await publishManifest(nexinid, `Bearer ${automationToken}`, app.key, V1);
    expect(bearer.status).toBe(403);
    const basic = await publishManifest(nexinid, basicAuth(automation.clientId, automation.clientSecret), app.key, V1);
    expect(basic.status).toBe(403);
    expect(basic.body.code).toBe('authorization.publisher_forbidden');
    expect((await publishManifest(nexinid, `Bearer ${adminToken}`, app.key, V1)).status).toBe(403);
    expect(await versionCount()).toBe(2);
  });

  it("refuses a publisher of another application, or of another tenant's, with 403", async () => {
    expect((await publishManifest(nexinid, basicAuth(otherPublisher.clientId, otherPublisher.clientSecret), app.key, V1)).status).toBe(403);
    expect((await publishManifest(nexinid, basicAuth(publisher.clientId, publisher.clientSecret), 'no-such-app', V1)).status).toBe(403);
    const other = await registerTenant(nexinid);
    const otherToken = (await signInAdmin(nexinid, other)).accessToken;
    const foreignApp = await createApplication(nexinid, otherToken, other.organizationId, app.key);
    const foreign = await provisionClient(nexinid, otherToken, foreignApp.id);
    const response = await publishManifest(nexinid, `Bearer ${await clientToken(nexinid, foreign)}`, app.key, V1);
    expect(response.status).toBe(200);
    expect(response.body.applicationId).toBe(foreignApp.id);
    expect(await versionCount()).toBe(2);
    expect((await api(nexinid, otherToken).get(manifests())).status).toBe(404);
    expect((await api(nexinid, otherToken).get(`${manifests()}/active`)).status).toBe(404);
    expect((await api(nexinid, otherToken).get(`${manifests()}/1`)).status).toBe(404);
    expect((await admin.get(`${manifests(foreignApp.id)}/active`)).status).toBe(404);
  });

  it('refuses to publish for a disabled application with 409, and publishes again once it is enabled', async () => {
    const otherBasic = basicAuth(otherPublisher.clientId, otherPublisher.clientSecret);
    expect((await admin.patch(`/api/applications/${otherApp.id}`, { status: 'disabled' })).status).toBe(200);
    const refused = await publishManifest(nexinid, otherBasic, otherApp.key, V1);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'authorization.application_disabled' });
    expect((await admin.get(`${manifests(otherApp.id)}/active`)).status).toBe(404);
    expect((await admin.patch(`/api/applications/${otherApp.id}`, { status: 'active' })).status).toBe(200);
    expect((await publishManifest(nexinid, otherBasic, otherApp.key, V1)).status).toBe(200);
  });

  it('answers unknown or malformed versions with 404', async () => {
    expect((await admin.get(`${manifests()}/99`)).status).toBe(404);
    expect((await admin.get(`${manifests()}/abc`)).status).toBe(404);
    expect((await admin.get(`${manifests(randomUUID())}/active`)).status).toBe(404);
  });

  it('throttles repeated failed Basic attempts with 429 and Retry-After', async () => {
    const target = `nobody-${randomUUID()}`;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await publishManifest(nexinid, basicAuth(target, 'guess'), app.key, V1)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    const blocked = await publishManifest(nexinid, basicAuth(target, 'guess'), app.key, V1);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('serializes concurrent publishes: distinct, consecutive versions', async () => {
    const bodies = [1, 2, 3, 4].map((n) => ({ features: [...V2.features, { key: `extra.f${n}`, name: `F${n}`, actions: [{ key: 'use' }] }] }));
    const responses = await Promise.all(bodies.map((body) => publishManifest(nexinid, `Bearer ${token}`, app.key, body)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(responses.map((r) => r.body.version).sort()).toEqual([3, 4, 5, 6]);
    const restored = await publishManifest(nexinid, `Bearer ${token}`, app.key, V2);
    expect(restored.body).toMatchObject({ version: 7, changed: true });
    const listed = (await admin.get(manifests())).body.items;
    expect(listed.filter((item: { active: boolean }) => item.active)).toHaveLength(1);
  });

  describe('removing permissions that roles, grants or policies use', () => {
    const ids = { role: randomUUID(), group: randomUUID(), grant: randomUUID(), orgPolicy: randomUUID(), groupPolicy: randomUUID(), unrelatedRole: randomUUID() };
    const V3 = { features: V2.features.filter((feature) => feature.key !== 'audit').map((feature) => (feature.key === 'reports.advanced' ? { ...feature, actions: feature.actions.filter((a) => a.key !== 'share') } : feature)) };
    const permVer = async () => {
      const list = await admin.get(`/api/organizations/${tenant.organizationId}/memberships`);
      return list.body.items.find((m: { id: string }) => m.id === tenant.membershipId).permVer as number;
    };
    const count = async (table: string, id: string) => Number((await nexinid.app.get(DataSource).query(`SELECT count(*)::int AS n FROM authz.${table} WHERE ${table === 'role_permissions' ? 'role_id' : 'id'} = $1`, [id]))[0].n);

    beforeAll(async () => {
      const db = nexinid.app.get(DataSource);
      const { tenantId, organizationId, membershipId } = tenant;
      const now = new Date();
      await db.query(`INSERT INTO authz.roles (id, tenant_id, organization_id, application_id, key, name, created_at, updated_at) VALUES ($1, $2, $3, $4, 'auditors', 'Auditors', $5, $5), ($6, $2, $3, $4, 'viewers', 'Viewers', $5, $5)`, [ids.role, tenantId, organizationId, app.id, now, ids.unrelatedRole]);
      await db.query(`INSERT INTO authz.role_permissions (tenant_id, role_id, feature_key, action_key) VALUES ($1, $2, 'audit', 'read'), ($1, $2, 'reports.advanced', 'view'), ($1, $3, 'reports.advanced', 'view')`, [tenantId, ids.role, ids.unrelatedRole]);
      await db.query(`INSERT INTO authz.groups (id, tenant_id, organization_id, key, name, created_at, updated_at) VALUES ($1, $2, $3, 'ops', 'Ops', $4, $4)`, [ids.group, tenantId, organizationId, now]);
      await db.query(`INSERT INTO authz.group_members (tenant_id, group_id, membership_id, added_at) VALUES ($1, $2, $3, $4)`, [tenantId, ids.group, membershipId, now]);
      await db.query(`INSERT INTO authz.role_assignments (id, tenant_id, role_id, group_id, assigned_at) VALUES ($1, $2, $3, $4, $5)`, [randomUUID(), tenantId, ids.role, ids.group, now]);
      await db.query(`INSERT INTO authz.grants (id, tenant_id, organization_id, application_id, membership_id, feature_key, action_key, created_at) VALUES ($1, $2, $3, $4, $5, 'reports.advanced', 'share', $6)`, [ids.grant, tenantId, organizationId, app.id, membershipId, now]);
      await db.query(
        `INSERT INTO authz.resource_policies (id, tenant_id, organization_id, application_id, subject_type, subject_id, feature_key, action_key, resource_type, resource_pattern, effect, created_at)
         VALUES ($1, $2, $3, $4, 'organization', $3, 'audit', 'read', 'report', '*', 'allow', $5), ($6, $2, $3, $4, 'group', $7, 'reports.advanced', 'view', 'report', 'eu/*', 'deny', $5)`,
        [ids.orgPolicy, tenantId, organizationId, app.id, now, ids.groupPolicy, ids.group],
      );
    });

    it('refuses with 409 listing which role, grant and policy use which permission, writing nothing', async () => {
      const before = await permVer();
      const response = await publishManifest(nexinid, `Bearer ${token}`, app.key, V3);
      expect(response.status).toBe(409);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({ code: 'authorization.manifest_permissions_in_use', referenceCount: 3 });
      expect(response.body.references).toEqual([
        { kind: 'resource_policy', id: ids.orgPolicy, display: `organization:${tenant.organizationId}`, organizationId: tenant.organizationId, featureKey: 'audit', actionKey: 'read' },
        { kind: 'role', id: ids.role, display: 'auditors', organizationId: tenant.organizationId, featureKey: 'audit', actionKey: 'read' },
        { kind: 'grant', id: ids.grant, display: `membership:${tenant.membershipId}`, organizationId: tenant.organizationId, featureKey: 'reports.advanced', actionKey: 'share' },
      ]);
      const dryRun = await publishManifest(nexinid, `Bearer ${token}`, app.key, V3, 'dryRun=true');
      expect(dryRun.status).toBe(409);
      expect((await admin.get(`${manifests()}/active`)).body.version).toBe(7);
      expect(await permVer()).toBe(before);
    });

    it('dry-runs a prune: lists what would go and deletes nothing', async () => {
      const response = await publishManifest(nexinid, `Bearer ${token}`, app.key, V3, 'dryRun=true&prune=true');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ dryRun: true, version: 8 });
      expect(response.body.pruned).toHaveLength(3);
      expect(await count('grants', ids.grant)).toBe(1);
    });

    it('prunes: references gone, unrelated ones kept, perm_ver of every holder bumped, in the publish', async () => {
      const before = await permVer();
      const response = await publishManifest(nexinid, `Bearer ${token}`, app.key, V3, 'prune=true');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ version: 8, changed: true, diff: { removed: { features: ['audit'] } } });
      expect(response.body.pruned).toHaveLength(3);
      expect(await count('grants', ids.grant)).toBe(0);
      expect(await count('resource_policies', ids.orgPolicy)).toBe(0);
      expect(await count('resource_policies', ids.groupPolicy)).toBe(1);
      expect(await count('role_permissions', ids.role)).toBe(1);
      expect(await count('role_permissions', ids.unrelatedRole)).toBe(1);
      // Held through the group's role and the grant (one bump), and the organization-wide policy (another).
      expect(await permVer()).toBe(before + 2);
    });
  });

  it('audits publishes and rejected attempts with the client as actor, never the secret', async () => {
    await flushAudit();
    const published = await admin.get(`/api/organizations/${tenant.organizationId}/audit-events?action=manifest.published&targetId=${app.id}`);
    expect(published.body.items.length).toBeGreaterThanOrEqual(3);
    expect(published.body.items[0]).toMatchObject({ actor: { type: 'client', id: publisher.clientId, display: publisher.name }, outcome: 'success' });
    const rejected = await admin.get(`/api/organizations/${tenant.organizationId}/audit-events?action=manifest.publish_rejected`);
    const reasons = rejected.body.items.map((item: { reason: string }) => item.reason);
    expect(reasons).toEqual(
      expect.arrayContaining(['authorization.publisher_unauthenticated', 'authorization.publisher_forbidden', 'authorization.invalid_manifest', 'authorization.manifest_permissions_in_use']),
    );
    // A refusal of a known client names it; one by an unknown or unauthenticated caller has no name to give.
    const byPublisher = rejected.body.items.filter((item: { actor: { id: string } }) => item.actor.id === publisher.clientId);
    expect(byPublisher.length).toBeGreaterThan(0);
    expect(byPublisher.every((item: { actor: { display: string } }) => item.actor.display === publisher.name)).toBe(true);
    expect(JSON.stringify(rejected.body)).not.toContain(publisher.clientSecret);
    expect(JSON.stringify(published.body)).not.toContain(publisher.clientSecret);
  });
});
