import { createAppClient, seedManifest } from '../support/authorization.js';
import { licenseOwnMembers } from '../support/licensing.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { api, createApplication, registerTenant, type RegisteredTenant, signInAdmin } from '../support/tenants.js';

const view = { featureKey: 'reports', actionKey: 'view' };

interface NullCase {
  name: string;
  method: 'post' | 'patch';
  path: () => string;
  body: () => Record<string, unknown>;
  field: string;
  /** A read that shows whether anything was written. */
  state: () => string;
}

/** JSON null in an optional field is refused as invalid (400, field named), never a 500 or a partial write. */
describe('null in an optional request field (e2e)', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;
  let admin: ReturnType<typeof api>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    nexinid = await startNexinId();
    tenant = await registerTenant(nexinid, { plan: 'Business' });
    const token = (await signInAdmin(nexinid, tenant)).accessToken;
    admin = api(nexinid, token);
    const orders = await createApplication(nexinid, token, tenant.organizationId);
    ids.application = orders.id;
    await seedManifest(nexinid, token, orders);
    ids.client = await createAppClient(nexinid, token, orders.id);
    ids.role = (await admin.post(`/api/applications/${orders.id}/roles`, { key: 'viewer', name: 'Viewer', description: 'Sees reports.', permissions: [view] })).body.id;
    ids.group = (await admin.post(`/api/organizations/${tenant.organizationId}/groups`, { key: 'finance', name: 'Finance', description: 'Approves invoices.' })).body.id;
    const entitlementId = await licenseOwnMembers(admin, tenant.organizationId, orders.id, ['reports'], []);
    const licensed = (await admin.get(`/api/licensing/entitlements/${entitlementId}`)).body;
    ids.edition = licensed.editionId;
    ids.installation = (await admin.get(`/api/licensing/subscriptions/${licensed.subscriptionId}`)).body.installationId;
    // A subscription with seats to spare, so that only the null makes a new entitlement invalid.
    ids.subscription = (await admin.post(subscriptions(), { installationId: ids.installation, editionId: ids.edition, seats: 5 })).body.id;
    ids.invitation = (await admin.post(`/api/organizations/${tenant.organizationId}/memberships`, { email: 'grace@example.com', role: 'member' })).body.invitationToken;
  });
  afterAll(() => nexinid?.close());

  const read = async (path: string) => {
    const { status, body } = await admin.get(path);
    return { status, body };
  };
  const application = () => `/api/applications/${ids.application}`;
  const clients = () => `${application()}/clients`;
  const subscriptions = () => `/api/licensing/organizations/${tenant.organizationId}/subscriptions`;
  const entitlements = () => `/api/licensing/subscriptions/${ids.subscription}/entitlements`;
  const webClient = { type: 'InteractiveWeb', name: 'Web', redirectUris: ['https://a.example/cb'] };
  const policy = { subjectType: 'organization', resourceType: 'report', resourcePattern: 'eu-*', effect: 'allow', ...view };

  const cases: NullCase[] = [
    { name: 'application status', method: 'patch', path: application, body: () => ({ status: null }), field: 'status', state: application },
    { name: 'application consumption policy', method: 'patch', path: application, body: () => ({ externalConsumptionPolicy: null }), field: 'externalConsumptionPolicy', state: application },
    { name: 'application name, beside a valid change', method: 'patch', path: application, body: () => ({ name: null, status: 'disabled' }), field: 'name', state: application },
    { name: 'new client scopes', method: 'post', path: clients, body: () => ({ ...webClient, scopes: null }), field: 'scopes', state: clients },
    { name: 'new client consent flag', method: 'post', path: clients, body: () => ({ ...webClient, requireConsent: null }), field: 'requireConsent', state: clients },
    { name: 'client redirect URIs', method: 'patch', path: () => `${clients()}/${ids.client}`, body: () => ({ redirectUris: null }), field: 'redirectUris', state: () => `${clients()}/${ids.client}` },
    { name: 'role permissions', method: 'patch', path: () => `/api/roles/${ids.role}`, body: () => ({ name: 'Renamed', permissions: null }), field: 'permissions', state: () => `/api/roles/${ids.role}` },
    { name: 'role description', method: 'patch', path: () => `/api/roles/${ids.role}`, body: () => ({ description: null }), field: 'description', state: () => `/api/roles/${ids.role}` },
    { name: 'group description', method: 'patch', path: () => `/api/groups/${ids.group}`, body: () => ({ description: null }), field: 'description', state: () => `/api/groups/${ids.group}` },
    {
      name: 'resource policy description',
      method: 'post',
      path: () => `${application()}/resource-policies`,
      body: () => ({ ...policy, subjectId: tenant.organizationId, description: null }),
      field: 'description',
      state: () => `${application()}/resource-policies`,
    },
    {
      name: 'subscription end',
      method: 'post',
      path: subscriptions,
      body: () => ({ installationId: ids.installation, editionId: ids.edition, seats: 1, endsAt: null }),
      field: 'endsAt',
      state: subscriptions,
    },
    { name: 'entitlement end', method: 'post', path: entitlements, body: () => ({ editionId: ids.edition, seatCount: 1, validUntil: null }), field: 'validUntil', state: entitlements },
    {
      name: 'invitation name',
      method: 'post',
      path: () => '/api/memberships/invitations/accept',
      body: () => ({ token: ids.invitation, password: 'a long and unguessable passphrase', name: null }),
      field: 'name',
      state: () => `/api/organizations/${tenant.organizationId}/memberships`,
    },
  ];

  it.each(cases)('refuses null for the $name with 400 and writes nothing', async ({ method, path, body, field, state }) => {
    const before = await read(state());
    const response = await admin[method](path(), body());
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('platform.validation_failed');
    expect([...new Set(response.body.errors.map((error: { field: string }) => error.field))]).toEqual([field]);
    expect(await read(state())).toEqual(before);
  });

  it('clears an environment description given as null (null is how the API says "none")', async () => {
    const environments = `${application()}/environments`;
    const created = await admin.post(environments, { key: 'production', name: 'Production', description: 'EU' });
    expect([created.status, created.body.description]).toEqual([201, 'EU']);
    const replaced = await admin.put(`${environments}/${created.body.id}`, { key: 'production', name: 'Production', description: null });
    expect([replaced.status, replaced.body.description]).toEqual([200, null]);
    expect((await admin.get(`${environments}/${created.body.id}`)).body.description).toBeNull();
  });
});
