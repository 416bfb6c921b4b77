import { RuntimeAuthorizationClient } from '../../libs/sdk/src/index.js';
import { addMember, APP_REDIRECT, seedManifest } from '../support/authorization.js';
import { freePort } from '../support/free-port.js';
import { licenseOwnMembers } from '../support/licensing.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { signIn } from '../support/sign-in.js';
import { api, createApplication, registerTenant, type RegisteredTenant, signInAdmin } from '../support/tenants.js';

/** The SDK's feature gate against a live NexinID: RBAC ∩ entitlement from ETag-revalidated snapshots, live with a resource, closed when unreachable. */
describe('SDK: runtime authorization client', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;
  let admin: ReturnType<typeof api>;
  let applicationId: string;
  let member: { membershipId: string; email: string };
  let entitlementId: string;
  let token: string;
  let requests: string[];
  let clock: number;

  const counting: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}${headers.has('if-none-match') ? ' (revalidate)' : ''}`);
    return fetch(input, init);
  };
  const client = () => new RuntimeAuthorizationClient({ issuer: nexinid.baseUrl, staleAfterMs: 30_000, timeoutMs: 10_000, fetch: counting, now: () => clock });
  const created = async (path: string, body: unknown) => {
    const response = await admin.post(path, body);
    if (response.status !== 201 && response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string };
  };

  beforeAll(async () => {
    nexinid = await startNexinId();
    tenant = await registerTenant(nexinid, { plan: 'Business' });
    const ownerToken = (await signInAdmin(nexinid, tenant)).accessToken;
    admin = api(nexinid, ownerToken);
    const application = await createApplication(nexinid, ownerToken, tenant.organizationId);
    applicationId = application.id;
    await seedManifest(nexinid, ownerToken, application);
    const web = await created(`/api/applications/${applicationId}/clients`, {
      type: 'InteractiveWeb',
      name: 'Reports web',
      redirectUris: [APP_REDIRECT],
      scopes: ['openid', 'tenant_context', 'nexidentity.api', 'entitled_editions'],
    });
    member = await addMember(nexinid, ownerToken, tenant);
    const role = await created(`/api/applications/${applicationId}/roles`, { key: 'viewer', name: 'Viewer', permissions: [{ featureKey: 'reports', actionKey: 'view' }] });
    await created(`/api/memberships/${member.membershipId}/roles`, { roleId: role.id });
    entitlementId = await licenseOwnMembers(admin, tenant.organizationId, applicationId, ['reports'], [member.membershipId]);
    token = (
      await signIn(nexinid, {
        email: member.email,
        password: 'a long and unguessable passphrase',
        clientId: (web as unknown as { clientId: string }).clientId,
        redirectUri: APP_REDIRECT,
        scope: 'openid tenant_context nexidentity.api entitled_editions',
      })
    ).accessToken;
  });
  afterAll(() => nexinid?.close());
  beforeEach(() => {
    requests = [];
    clock = Date.now();
  });

  it('answers RBAC ∩ entitlement from two snapshots, then from cache, then revalidates with ETags (304)', async () => {
    const runtime = client();
    expect(await runtime.isFeatureAvailable(token, 'reports', 'view')).toBe(true);
    expect(await runtime.isFeatureAvailable(token, 'reports', 'export')).toBe(false); // licensed, not permitted
    expect(await runtime.isFeatureAvailable(token, 'orders', 'view')).toBe(false); // neither
    expect(requests.sort()).toEqual(['GET /api/runtime/authorization/snapshot', 'GET /api/runtime/entitlements/snapshot']);
    clock += 31_000;
    expect(await runtime.isFeatureAvailable(token, 'reports', 'view')).toBe(true);
    expect(requests.slice(2).sort()).toEqual(['GET /api/runtime/authorization/snapshot (revalidate)', 'GET /api/runtime/entitlements/snapshot (revalidate)']);
  });

  it('sees a grant and a revoked seat once the staleness bound has passed; check-scoped sees them at once', async () => {
    const runtime = client();
    expect(await runtime.isFeatureAvailable(token, 'reports', 'view')).toBe(true);
    expect((await admin.post(`/api/memberships/${member.membershipId}/grants`, { applicationId, featureKey: 'reports', actionKey: 'export' })).status).toBe(201);
    expect((await admin.put(`/api/licensing/entitlements/${entitlementId}/seats`, { membershipIds: [] })).status).toBe(200);
    expect(await runtime.isFeatureAvailable(token, 'reports', 'view')).toBe(true); // within the documented bound
    expect(await runtime.checkScoped(token, 'reports', 'view')).toMatchObject({ available: false, grantedAny: true, featureLicenseSatisfied: false });
    clock += 31_000;
    expect(await runtime.isFeatureAvailable(token, 'reports', 'view')).toBe(false);
    expect((await admin.put(`/api/licensing/entitlements/${entitlementId}/seats`, { membershipIds: [member.membershipId] })).status).toBe(200);
    clock += 31_000;
    expect(await runtime.isFeatureAvailable(token, 'reports', 'export')).toBe(true);
  });

  it('asks live with a resource, reads the edition hint from the token, and denies when it cannot ask', async () => {
    const runtime = client();
    expect(await runtime.isFeatureAvailable(token, 'reports', 'view', { resource: { type: 'report', id: 'q1' } })).toBe(true);
    expect(requests).toEqual(['POST /api/runtime/authorization/check-scoped']);
    expect(runtime.isEntitledToEdition(token, 'pro')).toBe(true);
    expect(runtime.isEntitledToEdition(token, 'reports-enterprise')).toBe(false);
    expect(await runtime.isFeatureAvailable('not-a-token', 'reports', 'view')).toBe(false);
    const nowhere = new RuntimeAuthorizationClient({ issuer: `http://127.0.0.1:${await freePort()}` });
    expect(await nowhere.isFeatureAvailable(token, 'reports', 'view')).toBe(false);
    expect(await nowhere.isFeatureAvailable(token, 'reports', 'view', { resource: { type: 'report', id: 'q1' } })).toBe(false);
  });
});
