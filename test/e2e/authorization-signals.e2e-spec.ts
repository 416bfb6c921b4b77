import { addMember, createAppClient, seedManifest, signInToApp } from '../support/authorization.js';
import { licenseOwnMembers } from '../support/licensing.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { bearer } from '../support/sign-in.js';
import { api, createApplication, registerTenant, signInAdmin } from '../support/tenants.js';

const view = { featureKey: 'reports', actionKey: 'view' };
const onPostgres = Boolean(process.env.NEXINID_TEST_DATABASE_URL);

/** Two NexinIDs on one PostgreSQL: a change made through one is seen by the runtime check of the other (NOTIFY-driven cache invalidation). */
(onPostgres ? describe : describe.skip)('authorization: cross-process cache invalidation (e2e, PostgreSQL only)', () => {
  let first: TestNexinId;
  let second: TestNexinId;

  beforeAll(async () => {
    first = await startNexinId({ env: { NEXINID_REGISTRATION_RATE_LIMIT: '1000' } });
    // Behind one load balancer both instances share the issuer; the second listens on its own port.
    second = await startNexinId({ database: { url: first.config.databaseUrl }, env: { NEXINID_ISSUER: first.config.issuer } });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('a role change through one instance is answered by the other at once', async () => {
    const tenant = await registerTenant(first);
    const ownerToken = (await signInAdmin(first, tenant)).accessToken;
    const owner = api(first, ownerToken);
    const application = await createApplication(first, ownerToken, tenant.organizationId);
    const applicationId = application.id;
    await seedManifest(first, ownerToken, application);
    const clientId = await createAppClient(first, ownerToken, applicationId);
    const member = await addMember(first, ownerToken, tenant);
    const role = (await owner.post(`/api/applications/${applicationId}/roles`, { key: 'viewer', name: 'Viewer', permissions: [] })).body;
    await owner.post(`/api/memberships/${member.membershipId}/roles`, { roleId: role.id });
    const token = (await signInToApp(first, clientId, member, tenant.organizationId)).accessToken;

    const checkOnSecond = async () => {
      const response = await fetch(`http://127.0.0.1:${second.config.port}/api/runtime/authorization/check`, { method: 'POST', headers: bearer(token), body: JSON.stringify({ permissions: [view] }) });
      return (await response.json()) as { grantedAll: boolean; permVer: number };
    };
    /** Waits for the NOTIFY of a committed change to reach the other process (normally a millisecond or two). */
    const eventually = async (expected: boolean) => {
      const deadline = Date.now() + 2_000;
      let answer = await checkOnSecond();
      while (answer.grantedAll !== expected && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        answer = await checkOnSecond();
      }
      return answer;
    };

    const warm = await checkOnSecond(); // fills the second instance's caches
    expect(warm.grantedAll).toBe(false);
    expect((await owner.patch(`/api/roles/${role.id}`, { permissions: [view] })).status).toBe(200);
    const granted = await eventually(true);
    expect(granted).toMatchObject({ grantedAll: true, permVer: warm.permVer + 1 });
    expect((await owner.patch(`/api/roles/${role.id}`, { permissions: [] })).status).toBe(200);
    expect(await eventually(false)).toMatchObject({ grantedAll: false, permVer: warm.permVer + 2 });
    expect((await owner.post(`/api/memberships/${member.membershipId}/suspend`)).status).toBe(200);
    await owner.patch(`/api/roles/${role.id}`, { permissions: [view] });
    expect((await eventually(true)).grantedAll).toBe(false);
  });

  it('a seat revoked through one instance is refused by check-scoped on the other', async () => {
    const tenant = await registerTenant(first);
    const ownerToken = (await signInAdmin(first, tenant)).accessToken;
    const owner = api(first, ownerToken);
    const application = await createApplication(first, ownerToken, tenant.organizationId);
    await seedManifest(first, ownerToken, application);
    const clientId = await createAppClient(first, ownerToken, application.id);
    const member = await addMember(first, ownerToken, tenant);
    const role = (await owner.post(`/api/applications/${application.id}/roles`, { key: 'viewer', name: 'Viewer', permissions: [view] })).body;
    await owner.post(`/api/memberships/${member.membershipId}/roles`, { roleId: role.id });
    const entitlementId = await licenseOwnMembers(owner, tenant.organizationId, application.id, [view.featureKey], [member.membershipId]);
    const token = (await signInToApp(first, clientId, member, tenant.organizationId)).accessToken;

    const scopedOnSecond = async () => {
      const response = await fetch(`http://127.0.0.1:${second.config.port}/api/runtime/authorization/check-scoped`, {
        method: 'POST',
        headers: bearer(token),
        body: JSON.stringify({ permissions: [view], licensedFeatureKey: view.featureKey }),
      });
      return (await response.json()) as { available: boolean; featureLicenseSatisfied: boolean };
    };
    expect(await scopedOnSecond()).toMatchObject({ available: true, featureLicenseSatisfied: true }); // warms the second instance
    expect((await owner.put(`/api/licensing/entitlements/${entitlementId}/seats`, { membershipIds: [] })).status).toBe(200);
    const deadline = Date.now() + 2_000;
    let answer = await scopedOnSecond();
    while (answer.available && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      answer = await scopedOnSecond();
    }
    expect(answer).toMatchObject({ available: false, featureLicenseSatisfied: false });
  });
});

