import { randomBytes } from 'node:crypto';
import { createAppClient, seedManifest } from '../support/authorization.js';
import { Contract } from '../support/contract.js';
import { licenseOwnMembers } from '../support/licensing.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { api, createApplication, registerTenant, type RegisteredTenant, signInAdmin } from '../support/tenants.js';

const view = { featureKey: 'reports', actionKey: 'view' };

/**
 * Every operation that names a resource, called by another tenant's owner
 * with this tenant's ids, is refused (4xx), leaks nothing of this tenant, and
 * changes nothing of it.
 */
describe("another tenant's ids (e2e)", () => {
  let nexinid: TestNexinId;
  let victim: RegisteredTenant;
  let owner: ReturnType<typeof api>;
  let attackerToken: string;
  const ids: Record<string, string> = {};
  const contract = new Contract();

  /** What the victim's owner reads of its resources, to show afterwards that nothing changed. */
  const reads = () => [
    `/api/organizations/${ids.orgId}`,
    `/api/applications/${ids.applicationId}`,
    `/api/applications/${ids.applicationId}/clients/${ids.clientId}`,
    `/api/applications/${ids.applicationId}/environments`,
    `/api/roles/${ids.roleId}`,
    `/api/groups/${ids.groupId}`,
    `/api/memberships/${ids.membershipId}/grants`,
    `/api/applications/${ids.applicationId}/resource-policies`,
    `/api/licensing/entitlements/${ids.entitlementId}`,
    `/api/licensing/subscriptions/${ids.subscriptionId}`,
    `/api/applications/${ids.applicationId}/manifests/active`,
  ];
  const snapshot = () =>
    Promise.all(
      reads().map(async (path) => {
        const { status, body } = await owner.get(path);
        return { path, status, body };
      }),
    );
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    nexinid = await startNexinId();
    victim = await registerTenant(nexinid, { plan: 'Business' });
    const token = (await signInAdmin(nexinid, victim)).accessToken;
    owner = api(nexinid, token);
    const application = await createApplication(nexinid, token, victim.organizationId);
    await seedManifest(nexinid, token, application);
    const created = async (path: string, body: unknown) => {
      const response = await owner.post(path, body);
      if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as { id: string };
    };
    Object.assign(ids, {
      orgId: victim.organizationId,
      membershipId: victim.membershipId,
      applicationId: application.id,
      applicationKey: application.key,
      version: '1',
      clientId: await createAppClient(nexinid, token, application.id),
      environmentId: (await created(`/api/applications/${application.id}/environments`, { key: 'production', name: 'Production' })).id,
      roleId: (await created(`/api/applications/${application.id}/roles`, { key: 'viewer', name: 'Viewer', permissions: [view] })).id,
      groupId: (await created(`/api/organizations/${victim.organizationId}/groups`, { key: 'finance', name: 'Finance' })).id,
      grantId: (await created(`/api/memberships/${victim.membershipId}/grants`, { applicationId: application.id, ...view })).id,
      policyId: (await created(`/api/applications/${application.id}/resource-policies`, { subjectType: 'organization', subjectId: victim.organizationId, resourceType: 'report', resourcePattern: 'eu-*', effect: 'allow', ...view })).id,
      entitlementId: await licenseOwnMembers(owner, victim.organizationId, application.id, ['reports'], [victim.membershipId]),
    });
    const entitlement = (await owner.get(`/api/licensing/entitlements/${ids.entitlementId}`)).body;
    const subscription = (await owner.get(`/api/licensing/subscriptions/${entitlement.subscriptionId}`)).body;
    const edition = subscription.editionId as string;
    Object.assign(ids, { subscriptionId: entitlement.subscriptionId, editionId: edition, installationId: subscription.installationId });
    ids.productId = (await owner.get(`/api/licensing/product-installations/${ids.installationId}`)).body.productId;
    for (const [name, id] of Object.entries(ids)) if (!id) throw new Error(`no ${name} for the victim`);
    before = await snapshot();
    expect(before.every(({ status }) => status === 200)).toBe(true);
    attackerToken = (await signInAdmin(nexinid, await registerTenant(nexinid, { plan: 'Business' }))).accessToken;
  });
  afterAll(() => nexinid?.close());

  /** The victim's ids and fresh keys where a body names them, so it gets past validation. */
  const victimsField = (field: string): unknown => {
    if (ids[field]) return ids[field];
    if (field === 'key' || field === 'code') return `k${randomBytes(3).toString('hex')}`;
    if (field === 'featureKey' || field === 'actionKey') return view[field];
    return undefined;
  };

  it.each(contract.operations().filter(({ path }) => path.includes('{')))('$method $path is refused and leaks nothing', async ({ path, method, body: schema }) => {
    const url = path.replace(/\{(\w+)\}/g, (_, param: string) => encodeURIComponent(ids[param] ?? 'missing'));
    const response = await fetch(`${nexinid.baseUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${attackerToken}`, 'content-type': 'application/json' },
      body: method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(schema ? contract.sample(schema, victimsField) : {}),
    });
    const text = await response.text();
    // The answer itself is shown when the status is wrong.
    expect({ refused: response.status >= 400 && response.status < 500, status: response.status, text }).toMatchObject({ refused: true });
    expect(text).not.toContain(victim.tenantId);
    expect(text).not.toContain(victim.email);
  });

  it("leaves every one of the victim's resources as it was", async () => {
    expect(await snapshot()).toEqual(before);
  });
});
