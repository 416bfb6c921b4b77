import { DataSource } from 'typeorm';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { api, createApplication, registerTenant, signInAdmin, type RegisteredTenant } from '../support/tenants.js';

describe('tenancy: applications and environments (e2e)', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;
  let adminToken: string;
  let admin: ReturnType<typeof api>;
  let other: ReturnType<typeof api>;
  let otherTenant: RegisteredTenant;

  beforeAll(async () => {
    nexinid = await startNexinId({ env: { NEXINID_REGISTRATION_RATE_LIMIT: '1000' } });
    tenant = await registerTenant(nexinid, { plan: 'Developer' });
    adminToken = (await signInAdmin(nexinid, tenant)).accessToken;
    admin = api(nexinid, adminToken);
    otherTenant = await registerTenant(nexinid, { plan: 'Team' });
    other = api(nexinid, (await signInAdmin(nexinid, otherTenant)).accessToken);
  });
  afterAll(() => nexinid?.close());

  const applications = (organizationId = tenant.organizationId) => `/api/organizations/${organizationId}/applications`;
  const rowCount = async (table: string) => {
    const [row] = await nexinid.app.get(DataSource).query(`SELECT count(*)::int AS n FROM tenancy.${table}`);
    return (row as { n: number }).n;
  };

  it('creates, reads, lists, updates and deletes an application', async () => {
    const created = await admin.post(applications(), { key: 'orders', name: 'Orders', externalConsumptionPolicy: 'allowlist' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      key: 'orders',
      name: 'Orders',
      status: 'active',
      externalConsumptionPolicy: 'allowlist',
      organizationId: tenant.organizationId,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const path = `/api/applications/${created.body.id}`;
    expect((await admin.get(path)).body).toEqual(created.body);
    expect((await admin.get(applications())).body.items.map((app: { key: string }) => app.key)).toContain('orders');

    const updated = await admin.patch(path, { name: 'Orders v2', status: 'disabled', externalConsumptionPolicy: 'public' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ key: 'orders', name: 'Orders v2', status: 'disabled', externalConsumptionPolicy: 'public' });

    expect((await admin.delete(path)).status).toBe(204);
    expect((await admin.get(path)).status).toBe(404);

    const audit = async (action: string) =>
      (await admin.get(`/api/organizations/${tenant.organizationId}/audit-events?action=${action}&targetId=${created.body.id}`)).body.items;
    expect(await audit('application.created')).toEqual([
      expect.objectContaining({ outcome: 'success', target: expect.objectContaining({ type: 'application', id: created.body.id }), diff: expect.objectContaining({ after: expect.objectContaining({ key: 'orders' }) }) }),
    ]);
    expect((await audit('application.updated'))[0].diff).toEqual({
      before: { name: 'Orders', status: 'active', externalConsumptionPolicy: 'allowlist' },
      after: { name: 'Orders v2', status: 'disabled', externalConsumptionPolicy: 'public' },
    });
    expect(await audit('application.deleted')).toHaveLength(1);
  });

  it('refuses a key already used in the tenant (409) but allows it in another tenant', async () => {
    expect((await admin.post(applications(), { key: 'billing', name: 'Billing', externalConsumptionPolicy: 'none' })).status).toBe(201);
    const duplicate = await admin.post(applications(), { key: 'billing', name: 'Billing again', externalConsumptionPolicy: 'none' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('tenancy.application_key_taken');
    expect((await other.post(applications(otherTenant.organizationId), { key: 'billing', name: 'Billing', externalConsumptionPolicy: 'none' })).status).toBe(201);
  });

  it.each([
    ['an invalid key', { key: 'Orders API', name: 'x', externalConsumptionPolicy: 'none' }, 'key'],
    ['a one-letter key', { key: 'o', name: 'x', externalConsumptionPolicy: 'none' }, 'key'],
    ['an unknown policy', { key: 'ok-key', name: 'x', externalConsumptionPolicy: 'everyone' }, 'externalConsumptionPolicy'],
    ['a missing name', { key: 'ok-key', externalConsumptionPolicy: 'none' }, 'name'],
    ['a number as name', { key: 'ok-key', name: 7, externalConsumptionPolicy: 'none' }, 'name'],
    ['an unknown field', { key: 'ok-key', name: 'x', externalConsumptionPolicy: 'none', tenantId: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10' }, 'tenantId'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_case, body, field) => {
    const before = await rowCount('applications');
    const response = await admin.post(applications(), body);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(await rowCount('applications')).toBe(before);
  });

  it('refuses a PATCH that tries to change the key', async () => {
    const app = await createApplication(nexinid, adminToken, tenant.organizationId, 'immutable-key');
    const response = await admin.patch(`/api/applications/${app.id}`, { key: 'new-key' });
    expect(response.status).toBe(400);
    await admin.delete(`/api/applications/${app.id}`);
  });

  it('enforces MaxApplications with a problem naming the quota', async () => {
    const existing = (await admin.get(applications())).body.items.length as number;
    for (let i = existing; i < 3; i += 1) {
      expect((await admin.post(applications(), { key: `fill-${i}`, name: 'Fill', externalConsumptionPolicy: 'none' })).status).toBe(201);
    }
    const before = await rowCount('applications');
    const response = await admin.post(applications(), { key: 'one-too-many', name: 'Nope', externalConsumptionPolicy: 'none' });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'tenancy.quota_exceeded', quota: 'MaxApplications', limit: 3, used: 3 });
    expect(await rowCount('applications')).toBe(before);
  });

  it('paginates applications with a cursor', async () => {
    const first = await admin.get(`${applications()}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBe(first.body.items[1].id);
    const second = await admin.get(`${applications()}?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id > first.body.items[1].id).toBe(true);
    expect((await admin.get(`${applications()}?limit=0`)).status).toBe(400);
    expect((await admin.get(`${applications()}?cursor=nope`)).status).toBe(400);
    expect((await admin.get(`${applications()}?sort=name`)).status).toBe(400);
  });

  describe('environments', () => {
    let applicationId: string;
    const environments = () => `/api/applications/${applicationId}/environments`;

    beforeAll(async () => {
      applicationId = (await admin.get(applications())).body.items[0].id;
    });

    it('creates one, reads, replaces, lists and deletes it', async () => {
      const created = await admin.post(environments(), { key: 'production', name: 'Production', description: 'Live' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ applicationId, key: 'production', name: 'Production', description: 'Live' });
      const path = `${environments()}/${created.body.id}`;
      expect((await admin.get(path)).body).toEqual(created.body);
      const replaced = await admin.put(path, { key: 'prod', name: 'Prod' });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toMatchObject({ key: 'prod', name: 'Prod', description: null });
      expect((await admin.get(environments())).body.items).toEqual([replaced.body]);
      expect((await admin.put(path, { name: 'Only a name' })).status).toBe(400);
      expect((await admin.delete(path)).status).toBe(204);
      expect((await admin.get(path)).status).toBe(404);
    });

    it('Developer: the second environment is refused with 409 naming MaxEnvironments, and nothing is written', async () => {
      expect((await admin.post(environments(), { key: 'production', name: 'Production' })).status).toBe(201);
      const before = await rowCount('environments');
      const second = await admin.post(environments(), { key: 'staging', name: 'Staging' });
      expect(second.status).toBe(409);
      expect(second.headers.get('content-type')).toContain('application/problem+json');
      expect(second.body).toMatchObject({ code: 'tenancy.quota_exceeded', quota: 'MaxEnvironments', limit: 1, used: 1, plan: 'Developer' });
      expect(second.body.detail).toContain('MaxEnvironments');
      expect(await rowCount('environments')).toBe(before);
    });

    it('Team: refuses a duplicate environment key in the application', async () => {
      const app = await other.post(applications(otherTenant.organizationId), { key: 'shop', name: 'Shop', externalConsumptionPolicy: 'none' });
      const path = `/api/applications/${app.body.id}/environments`;
      expect((await other.post(path, { key: 'staging', name: 'Staging' })).status).toBe(201);
      const duplicate = await other.post(path, { key: 'staging', name: 'Staging 2' });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('tenancy.environment_key_taken');
    });

    it('refuses a bad environment key', async () => {
      const response = await admin.post(environments(), { key: 'Prod EU', name: 'x' });
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('key');
    });
  });

  it("answers 404 (never 403) for another tenant's application and its environments, and changes nothing", async () => {
    const theirs = await other.post(applications(otherTenant.organizationId), { key: 'secret-app', name: 'Secret', externalConsumptionPolicy: 'none' });
    const path = `/api/applications/${theirs.body.id}`;
    for (const response of [
      await admin.get(path),
      await admin.patch(path, { name: 'Hijacked' }),
      await admin.delete(path),
      await admin.get(`${path}/environments`),
      await admin.post(`${path}/environments`, { key: 'evil', name: 'Evil' }),
      await admin.post(applications(otherTenant.organizationId), { key: 'intruder', name: 'x', externalConsumptionPolicy: 'none' }),
      await admin.get(applications(otherTenant.organizationId)),
    ]) {
      expect(response.status).toBe(404);
    }
    expect((await other.get(path)).body.name).toBe('Secret');
    expect((await other.get(`${path}/environments`)).body.items).toEqual([]);
    expect((await admin.get('/api/applications/not-a-uuid')).status).toBe(404);
  });
});
