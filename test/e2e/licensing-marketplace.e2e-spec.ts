import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EvaluateFeatureLicenseQuery, ExpireEntitlementsCommand } from '#licensing';
import { EDITION, joinMember } from '../support/licensing.js';
import { publishFeatures } from '../support/publishers.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { authorize, signIn } from '../support/sign-in.js';
import { api, registerTenant, signInAdmin, type RegisteredTenant } from '../support/tenants.js';

const REDIRECT = 'https://vendor-app.example.com/callback';

/** Vendor and consumer tenants walk the marketplace: product → catalog → install → subscribe → entitle → seats → sign-in → gating. */
describe('licensing: marketplace journey (e2e)', () => {
  let nexinid: TestNexinId;
  let vendor: RegisteredTenant;
  let consumer: RegisteredTenant;
  let vendorAdmin: ReturnType<typeof api>;
  let consumerAdmin: ReturnType<typeof api>;
  let consumerToken: string;
  let member: { membershipId: string; email: string; password: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    nexinid = await startNexinId({ env: { NEXINID_REGISTRATION_RATE_LIMIT: '1000' } });
    vendor = await registerTenant(nexinid, { plan: 'Business' });
    consumer = await registerTenant(nexinid, { plan: 'Team' });
    const vendorToken = (await signInAdmin(nexinid, vendor)).accessToken;
    vendorAdmin = api(nexinid, vendorToken);
    consumerToken = (await signInAdmin(nexinid, consumer)).accessToken;
    consumerAdmin = api(nexinid, consumerToken);
    member = await joinMember(nexinid, consumerToken, consumer.organizationId);
    const application = await vendorAdmin.post(`/api/organizations/${vendor.organizationId}/applications`, { key: 'reports', name: 'Reports', externalConsumptionPolicy: 'public' });
    ids.application = application.body.id;
    await publishFeatures(nexinid, vendorToken, application.body, ['reports.basic', 'reports.advanced']);
    const client = await vendorAdmin.post(`/api/applications/${ids.application}/clients`, {
      type: 'InteractiveWeb',
      name: 'Reports web',
      redirectUris: [REDIRECT],
      scopes: ['openid', 'profile', 'email', 'tenant_context', 'nexidentity.api', 'entitled_editions'],
    });
    expect(client.status).toBe(201);
    ids.client = client.body.clientId;
  });
  afterAll(() => nexinid?.close());

  const signInToVendorApp = (scope = 'openid tenant_context nexidentity.api') =>
    signIn(nexinid, { email: member.email, password: member.password, clientId: ids.client, redirectUri: REDIRECT, scope });
  const membershipVersions = async (membershipId: string) => {
    const [row] = await nexinid.app.get(DataSource).query(`SELECT ent_ver FROM tenancy.memberships WHERE id = $1`, [membershipId]);
    return Number(row.ent_ver);
  };

  it('vendor: creates a product and editions validated against the active manifest, and publishes them', async () => {
    const product = await vendorAdmin.post(`/api/licensing/organizations/${vendor.organizationId}/products`, { applicationId: ids.application, name: 'Reports Cloud', visibility: 'public' });
    expect(product.status).toBe(201);
    expect(product.body).toMatchObject({ id: expect.any(String), applicationId: ids.application, status: 'draft', visibility: 'public', editions: [] });
    ids.product = product.body.id;

    const unknown = await vendorAdmin.post(`/api/licensing/products/${ids.product}/editions`, { ...EDITION, code: 'bad', featureKeys: ['reports.basic', 'reports.secret'] });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body).toMatchObject({ code: 'licensing.unknown_feature_key', featureKeys: ['reports.secret'] });
    expect(unknown.body.detail).toContain('reports.secret');

    const basic = await vendorAdmin.post(`/api/licensing/products/${ids.product}/editions`, { ...EDITION, code: 'reports-basic', name: 'Basic', featureKeys: ['reports.basic'] });
    const pro = await vendorAdmin.post(`/api/licensing/products/${ids.product}/editions`, { ...EDITION, code: 'reports-pro', name: 'Pro', featureKeys: ['reports.basic', 'reports.advanced'] });
    expect([basic.status, pro.status]).toEqual([201, 201]);
    expect(pro.body).toMatchObject({ code: 'reports-pro', status: 'draft', offlinePolicy: { allowed: true, leaseDurationHours: 72, maxRenewals: 3 }, devicesPerSeat: 2 });
    ids.basic = basic.body.id;
    ids.pro = pro.body.id;
    const duplicate = await vendorAdmin.post(`/api/licensing/products/${ids.product}/editions`, { ...EDITION, code: 'reports-pro', featureKeys: [] });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'licensing.edition_code_taken']);

    expect((await consumerAdmin.get(`/api/licensing/organizations/${consumer.organizationId}/marketplace/catalog`)).body.items).toEqual([]);
    expect((await vendorAdmin.post(`/api/licensing/products/${ids.product}/publish`)).body.status).toBe('published');
    expect((await vendorAdmin.post(`/api/licensing/editions/${ids.pro}/publish`)).body.status).toBe('published');
    expect((await vendorAdmin.post(`/api/licensing/editions/${ids.basic}/publish`)).status).toBe(200);
    expect((await vendorAdmin.get(`/api/licensing/products/${ids.product}`)).body.editions.map((e: { status: string }) => e.status)).toEqual(['published', 'published']);
  });

  it('consumer: sees the product in its catalog with the reason, and cannot sign in to the vendor app before installing', async () => {
    const catalog = await consumerAdmin.get(`/api/licensing/organizations/${consumer.organizationId}/marketplace/catalog`);
    expect(catalog.status).toBe(200);
    expect(catalog.body.items).toEqual([
      expect.objectContaining({
        productId: ids.product,
        vendorOrganizationId: vendor.organizationId,
        eligibility: { eligible: true, reason: 'public', externalConsumptionPolicy: 'public' },
        installationId: null,
        editions: expect.arrayContaining([expect.objectContaining({ editionId: ids.pro, code: 'reports-pro', featureKeys: ['reports.basic', 'reports.advanced'] })]),
      }),
    ]);
    await expect(signInToVendorApp()).rejects.toThrow();
  });

  it('consumer: installs (409 on a second install), subscribes and entitles with Idempotency-Key', async () => {
    const installed = await consumerAdmin.post(`/api/licensing/organizations/${consumer.organizationId}/product-installations`, { productId: ids.product, editionId: ids.pro });
    expect(installed.status).toBe(201);
    expect(installed.body).toMatchObject({ id: expect.any(String), organizationId: consumer.organizationId, productId: ids.product, editionId: ids.pro, applicationId: ids.application });
    ids.installation = installed.body.id;
    const again = await consumerAdmin.post(`/api/licensing/organizations/${consumer.organizationId}/product-installations`, { productId: ids.product, editionId: ids.basic });
    expect([again.status, again.body.code]).toEqual([409, 'licensing.already_installed']);
    expect((await consumerAdmin.get(`/api/licensing/product-installations/${ids.installation}`)).body).toEqual(installed.body);

    const post = (path: string, body: unknown, key: string) =>
      fetch(`${nexinid.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${consumerToken}`, 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) }).then(
        async (response) => ({ status: response.status, body: JSON.parse(await response.text()) }),
      );
    const subscriptionBody = { installationId: ids.installation, editionId: ids.pro, seats: 3 };
    const first = await post(`/api/licensing/organizations/${consumer.organizationId}/subscriptions`, subscriptionBody, 'sub-1');
    const retry = await post(`/api/licensing/organizations/${consumer.organizationId}/subscriptions`, subscriptionBody, 'sub-1');
    expect(first.status).toBe(201);
    expect(retry).toEqual(first);
    const reused = await post(`/api/licensing/organizations/${consumer.organizationId}/subscriptions`, { ...subscriptionBody, seats: 4 }, 'sub-1');
    expect([reused.status, reused.body.code]).toEqual([409, 'platform.idempotency_conflict']);
    expect((await consumerAdmin.get(`/api/licensing/organizations/${consumer.organizationId}/subscriptions`)).body.items).toHaveLength(1);
    ids.subscription = first.body.id;
    expect(first.body).toMatchObject({ seats: 3, status: 'active', installationId: ids.installation });

    const entitlement = await post(`/api/licensing/subscriptions/${ids.subscription}/entitlements`, { editionId: ids.pro, seatCount: 2 }, 'ent-1');
    expect(entitlement.status).toBe(201);
    expect((await post(`/api/licensing/subscriptions/${ids.subscription}/entitlements`, { editionId: ids.pro, seatCount: 2 }, 'ent-1')).body.id).toBe(entitlement.body.id);
    expect(entitlement.body).toMatchObject({ editionId: ids.pro, seatCount: 2, seatsAssigned: 0, status: 'active', validUntil: null });
    ids.entitlement = entitlement.body.id;
    const tooMany = await consumerAdmin.post(`/api/licensing/subscriptions/${ids.subscription}/entitlements`, { editionId: ids.basic, seatCount: 2 });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body).toMatchObject({ code: 'licensing.subscription_seats_exceeded', seats: 3, allocated: 2, requested: 2 });
    expect((await consumerAdmin.get(`/api/licensing/subscriptions/${ids.subscription}/entitlements`)).body.items).toHaveLength(1);
    expect((await consumerAdmin.get(`/api/licensing/entitlements/${ids.entitlement}`)).body.id).toBe(ids.entitlement);
  });

  it('assigns seats: ent_ver bumps, the member signs in to the vendor app with its own tenant context, snapshot + ETag/304, opt-in entitled_editions', async () => {
    const before = await membershipVersions(member.membershipId);
    const unseated = await signInToVendorApp();
    expect(unseated.claims).toMatchObject({ tenant_id: consumer.tenantId, organization_id: consumer.organizationId, membership_id: member.membershipId, ent_ver: before });

    const seats = await consumerAdmin.put(`/api/licensing/entitlements/${ids.entitlement}/seats`, { membershipIds: [member.membershipId, consumer.membershipId] });
    expect(seats.status).toBe(200);
    expect(seats.body).toEqual({ entitlementId: ids.entitlement, seatCount: 2, membershipIds: [member.membershipId, consumer.membershipId].sort() });
    expect(await membershipVersions(member.membershipId)).toBe(before + 1);
    expect((await consumerAdmin.get(`/api/licensing/entitlements/${ids.entitlement}/seats`)).body).toEqual(seats.body);

    const plain = await signInToVendorApp();
    expect(plain.claims).toMatchObject({ tenant_id: consumer.tenantId, organization_id: consumer.organizationId, membership_id: member.membershipId, ent_ver: before + 1 });
    expect(plain.claims.entitled_editions).toBeUndefined();
    const hinted = await signInToVendorApp('openid tenant_context nexidentity.api entitled_editions');
    expect(hinted.claims.entitled_editions).toEqual(['reports-pro']);

    const snapshotUrl = `${nexinid.baseUrl}/api/runtime/entitlements/snapshot`;
    const snapshot = await fetch(snapshotUrl, { headers: { authorization: `Bearer ${plain.accessToken}` } });
    expect(snapshot.status).toBe(200);
    const etag = snapshot.headers.get('etag')!;
    expect(etag).toContain(String(before + 1));
    expect(await snapshot.json()).toMatchObject({
      membershipId: member.membershipId,
      entVer: before + 1,
      editionCodes: ['reports-pro'],
      featureKeys: ['reports.advanced', 'reports.basic'],
      entitlements: [expect.objectContaining({ entitlementId: ids.entitlement, editionCode: 'reports-pro', applicationId: ids.application })],
    });
    expect((await fetch(snapshotUrl, { headers: { authorization: `Bearer ${plain.accessToken}`, 'if-none-match': etag } })).status).toBe(304);

    const queries = nexinid.app.get(QueryBus);
    const evaluate = (featureKey: string) =>
      queries.execute(new EvaluateFeatureLicenseQuery({ membershipId: member.membershipId, tenantId: consumer.tenantId, applicationId: ids.application, featureKey }));
    expect(await evaluate('reports.advanced')).toEqual({ satisfied: true, entitlementIds: [ids.entitlement], editionCodes: ['reports-pro'], reason: 'licensed' });
    expect(await evaluate('reports.unknown')).toMatchObject({ satisfied: false, reason: 'feature_not_licensed' });

    // Revoking the seat is seen on the very next evaluation and invalidates the cached snapshot.
    expect((await consumerAdmin.put(`/api/licensing/entitlements/${ids.entitlement}/seats`, { membershipIds: [consumer.membershipId] })).status).toBe(200);
    expect(await evaluate('reports.advanced')).toMatchObject({ satisfied: false, reason: 'no_entitlement' });
    expect(await membershipVersions(member.membershipId)).toBe(before + 2);
    const changed = await fetch(snapshotUrl, { headers: { authorization: `Bearer ${plain.accessToken}`, 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { editionCodes: string[] }).editionCodes).toEqual([]);
    const legacy = await queries.execute(new EvaluateFeatureLicenseQuery({ entitlementId: ids.entitlement, tenantId: consumer.tenantId, membershipId: consumer.membershipId }));
    expect(legacy).toMatchObject({ satisfied: true, reason: 'licensed' });
  });

  it('check-scoped answers RBAC ∩ entitlement for a consumer member of the vendor app, each half live', async () => {
    // The consumer organization's admins define roles for the installed application over the vendor's manifest.
    const role = await consumerAdmin.post(`/api/applications/${ids.application}/roles`, { key: 'analyst', name: 'Analyst', permissions: [{ featureKey: 'reports.advanced', actionKey: 'view' }] });
    expect(role.status).toBe(201);
    expect(role.body).toMatchObject({ organizationId: consumer.organizationId, applicationId: ids.application });
    const undeclared = await consumerAdmin.post(`/api/applications/${ids.application}/roles`, { key: 'secret-reader', name: 'Secret reader', permissions: [{ featureKey: 'reports.secret', actionKey: 'view' }] });
    expect(undeclared.body).toMatchObject({ status: 400, code: 'authorization.unknown_permission' });
    expect((await consumerAdmin.post(`/api/memberships/${member.membershipId}/roles`, { roleId: role.body.id })).status).toBe(201);
    expect((await consumerAdmin.put(`/api/licensing/entitlements/${ids.entitlement}/seats`, { membershipIds: [member.membershipId, consumer.membershipId] })).status).toBe(200);

    const { accessToken } = await signInToVendorApp('openid tenant_context nexidentity.api entitled_editions');
    const checkScoped = async (body: unknown, token = accessToken) => {
      const response = await fetch(`${nexinid.baseUrl}/api/runtime/authorization/check-scoped`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const ask = (featureKey: string, actionKey: string, licensedFeatureKey: string) => checkScoped({ permissions: [{ featureKey, actionKey }], licensedFeatureKey });

    // The truth table: may × licensed.
    expect((await ask('reports.advanced', 'view', 'reports.advanced')).body).toMatchObject({
      grantedAny: true,
      licensedFeatureKey: 'reports.advanced',
      featureLicenseSatisfied: true,
      licenseReason: 'licensed',
      editionCodes: ['reports-pro'],
      available: true,
      membershipId: member.membershipId,
      applicationId: ids.application,
    });
    expect((await ask('reports.basic', 'view', 'reports.basic')).body).toMatchObject({ grantedAny: false, featureLicenseSatisfied: true, available: false });
    expect((await ask('reports.advanced', 'view', 'reports.unknown')).body).toMatchObject({ grantedAny: true, featureLicenseSatisfied: false, licenseReason: 'feature_not_licensed', available: false });
    expect((await ask('reports.basic', 'view', 'reports.unknown')).body).toMatchObject({ grantedAny: false, featureLicenseSatisfied: false, available: false });
    // Another tenant's (or an unknown) entitlement licenses nothing.
    expect((await checkScoped({ permissions: [{ featureKey: 'reports.advanced', actionKey: 'view' }], entitlementId: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e99' })).body).toMatchObject({
      featureLicenseSatisfied: false,
      licenseReason: 'entitlement_not_found',
      available: false,
    });
    // The legacy form names the entitlement.
    expect((await checkScoped({ permissions: [{ featureKey: 'reports.advanced', actionKey: 'view' }], entitlementId: ids.entitlement })).body).toMatchObject({
      licensedFeatureKey: null,
      featureLicenseSatisfied: true,
      available: true,
    });

    // A seat revoked now is refused on the very next call, though the token still lists the edition.
    expect((await consumerAdmin.put(`/api/licensing/entitlements/${ids.entitlement}/seats`, { membershipIds: [consumer.membershipId] })).status).toBe(200);
    const revoked = await ask('reports.advanced', 'view', 'reports.advanced');
    expect(revoked.body).toMatchObject({ grantedAny: true, featureLicenseSatisfied: false, licenseReason: 'no_entitlement', available: false });
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as { entitled_editions: string[] };
    expect(claims.entitled_editions).toEqual(['reports-pro']);

    // Bad input: neither or both license targets, malformed keys; the console token has no application.
    expect((await checkScoped({ permissions: [{ featureKey: 'reports.advanced', actionKey: 'view' }] })).body).toMatchObject({ status: 400, code: 'platform.validation_failed' });
    expect((await checkScoped({ permissions: [{ featureKey: 'a', actionKey: 'b' }], licensedFeatureKey: 'a', entitlementId: ids.entitlement })).status).toBe(400);
    expect((await checkScoped({ permissions: [{ featureKey: 'a', actionKey: 'b' }], licensedFeatureKey: 'Not A Key' })).status).toBe(400);
    expect((await checkScoped({ permissions: [{ featureKey: 'a', actionKey: 'b' }], entitlementId: 'nope' })).status).toBe(400);
    expect((await checkScoped({ permissions: [{ featureKey: 'a', actionKey: 'b' }], licensedFeatureKey: 'a' }, consumerToken)).body).toMatchObject({ status: 403, code: 'authorization.no_application_context' });
  });

  it('refuses more seat holders than seats with 409 and the numbers, and foreign memberships with 400, writing nothing', async () => {
    const extra = await joinMember(nexinid, consumerToken, consumer.organizationId);
    const over = await consumerAdmin.put(`/api/licensing/entitlements/${ids.entitlement}/seats`, { membershipIds: [member.membershipId, consumer.membershipId, extra.membershipId] });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'licensing.seat_limit_exceeded', requested: 3, seatCount: 2 });
    const foreign = await consumerAdmin.put(`/api/licensing/entitlements/${ids.entitlement}/seats`, { membershipIds: [consumer.membershipId, vendor.membershipId] });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ code: 'licensing.invalid_seat_holder', membershipIds: [vendor.membershipId] });
    expect((await consumerAdmin.get(`/api/licensing/entitlements/${ids.entitlement}/seats`)).body.membershipIds).toEqual([consumer.membershipId]);
  });

  it('answers 404 for ids of another tenant, and problem+json for bad input', async () => {
    for (const path of [
      `/api/licensing/entitlements/${ids.entitlement}`,
      `/api/licensing/subscriptions/${ids.subscription}`,
      `/api/licensing/product-installations/${ids.installation}`,
      `/api/licensing/entitlements/${ids.entitlement}/seats`,
    ]) {
      const response = await vendorAdmin.get(path);
      expect([path, response.status]).toEqual([path, 404]);
    }
    expect((await consumerAdmin.get(`/api/licensing/products/${ids.product}`)).status).toBe(404);
    expect((await consumerAdmin.post(`/api/licensing/products/${ids.product}/publish`)).status).toBe(404);
    expect((await vendorAdmin.put(`/api/licensing/entitlements/${ids.entitlement}/seats`, { membershipIds: [] })).status).toBe(404);
    expect((await vendorAdmin.post(`/api/licensing/organizations/${consumer.organizationId}/product-installations`, { productId: ids.product, editionId: ids.pro })).status).toBe(404);

    const bad = await consumerAdmin.post(`/api/licensing/organizations/${consumer.organizationId}/subscriptions`, { installationId: 'nope', editionId: ids.pro, seats: 0, extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['installationId', 'seats', 'extra']));
    const badSeats = await consumerAdmin.put(`/api/licensing/entitlements/${ids.entitlement}/seats`, { membershipIds: ['x'] });
    expect([badSeats.status, badSeats.body.code]).toEqual([400, 'platform.validation_failed']);
    const mismatch = await consumerAdmin.post(`/api/licensing/subscriptions/${ids.subscription}/entitlements`, { editionId: ids.installation, seatCount: 1 });
    expect([mismatch.status, mismatch.body.code]).toEqual([404, 'licensing.edition_not_found']);
  });

  it('expires entitlements as time passes (sweeper at a later clock), bumping ent_ver', async () => {
    const validUntil = new Date(Date.now() + 3_600_000).toISOString();
    const created = await consumerAdmin.post(`/api/licensing/subscriptions/${ids.subscription}/entitlements`, { editionId: ids.basic, seatCount: 1, validUntil });
    expect(created.status).toBe(201);
    expect((await consumerAdmin.put(`/api/licensing/entitlements/${created.body.id}/seats`, { membershipIds: [member.membershipId] })).status).toBe(200);
    const before = await membershipVersions(member.membershipId);
    const commands = nexinid.app.get(CommandBus);
    expect(await commands.execute(new ExpireEntitlementsCommand(new Date()))).toBe(0);
    expect(await commands.execute(new ExpireEntitlementsCommand(new Date(Date.now() + 2 * 3_600_000)))).toBe(1);
    expect((await consumerAdmin.get(`/api/licensing/entitlements/${created.body.id}`)).body.status).toBe('expired');
    expect(await membershipVersions(member.membershipId)).toBe(before + 1);
    const assign = await consumerAdmin.put(`/api/licensing/entitlements/${created.body.id}/seats`, { membershipIds: [] });
    expect([assign.status, assign.body.code]).toEqual([409, 'licensing.entitlement_not_active']);
  });

  it('suspends and resumes an entitlement, bumping its seat holders', async () => {
    const before = await membershipVersions(consumer.membershipId);
    expect((await consumerAdmin.post(`/api/licensing/entitlements/${ids.entitlement}/suspend`)).body.status).toBe('suspended');
    expect(await membershipVersions(consumer.membershipId)).toBe(before + 1);
    expect((await consumerAdmin.post(`/api/licensing/entitlements/${ids.entitlement}/resume`)).body.status).toBe('active');
    expect(await membershipVersions(consumer.membershipId)).toBe(before + 2);
  });

  it('records every change in the audit log', async () => {
    const audit = async (client: ReturnType<typeof api>, organizationId: string, action: string) =>
      (await client.get(`/api/organizations/${organizationId}/audit-events?action=${action}`)).body.items as Array<{ target: { id: string } }>;
    for (const action of ['product.created', 'edition.created', 'product.published', 'edition.published']) {
      expect([action, (await audit(vendorAdmin, vendor.organizationId, action)).length > 0]).toEqual([action, true]);
    }
    for (const action of ['product.installed', 'subscription.created', 'entitlement.created', 'entitlement.seats_assigned', 'entitlement.expired', 'entitlement.suspended']) {
      expect([action, (await audit(consumerAdmin, consumer.organizationId, action)).length > 0]).toEqual([action, true]);
    }
    expect((await audit(consumerAdmin, consumer.organizationId, 'subscription.created')).length).toBe(1);
  });

  it('uninstalls: subscriptions, entitlements and seats go, seat holders are bumped, sign-in to the vendor app closes', async () => {
    // A sign-in completed before the uninstall, whose code is exchanged after it.
    const pending = await authorize(nexinid, { email: member.email, password: member.password, clientId: ids.client, redirectUri: REDIRECT, scope: 'openid tenant_context nexidentity.api' });
    const code = pending.leftTo?.searchParams.get('code');
    expect(code).toEqual(expect.any(String));
    const before = await membershipVersions(consumer.membershipId);
    const removed = await consumerAdmin.delete(`/api/licensing/product-installations/${ids.installation}`);
    expect(removed.status).toBe(204);
    expect((await consumerAdmin.get(`/api/licensing/subscriptions/${ids.subscription}`)).status).toBe(404);
    expect(await membershipVersions(consumer.membershipId)).toBe(before + 1);
    await expect(signInToVendorApp()).rejects.toThrow();
    // The grant is refused at the token endpoint too (the same check guards refreshes).
    const refused = await fetch(`${nexinid.baseUrl}/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: code!, redirect_uri: REDIRECT, client_id: ids.client, code_verifier: pending.verifier }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await consumerAdmin.get(`/api/licensing/organizations/${consumer.organizationId}/marketplace/catalog`)).body.items[0].installationId).toBeNull();
  });

  it('pages installations, subscriptions and entitlements by cursor, oldest first', async () => {
    const organization = `/api/licensing/organizations/${consumer.organizationId}`;
    const installation = (await consumerAdmin.post(`${organization}/product-installations`, { productId: ids.product, editionId: ids.pro })).body.id;
    const subscriptions: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      subscriptions.push((await consumerAdmin.post(`${organization}/subscriptions`, { installationId: installation, editionId: ids.pro, seats: 2 })).body.id);
    }
    const first = await consumerAdmin.get(`${organization}/subscriptions?limit=2`);
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual(subscriptions.slice(0, 2));
    expect(first.body.nextCursor).toBe(subscriptions[1]);
    const second = await consumerAdmin.get(`${organization}/subscriptions?limit=2&cursor=${first.body.nextCursor}`);
    expect([second.body.items.map((item: { id: string }) => item.id), second.body.nextCursor]).toEqual([[subscriptions[2]], null]);
    expect((await consumerAdmin.get(`${organization}/subscriptions`)).body).toMatchObject({ nextCursor: null, items: expect.any(Array) });

    const installations = await consumerAdmin.get(`${organization}/product-installations?limit=1`);
    expect([installations.body.items.map((item: { id: string }) => item.id), installations.body.nextCursor]).toEqual([[installation], null]);

    const entitlements = [];
    for (let i = 0; i < 2; i += 1) entitlements.push((await consumerAdmin.post(`/api/licensing/subscriptions/${subscriptions[0]}/entitlements`, { editionId: ids.pro, seatCount: 1 })).body.id);
    const page = await consumerAdmin.get(`/api/licensing/subscriptions/${subscriptions[0]}/entitlements?limit=1`);
    expect([page.body.items[0].id, page.body.nextCursor]).toEqual([entitlements[0], entitlements[0]]);
    const rest = await consumerAdmin.get(`/api/licensing/subscriptions/${subscriptions[0]}/entitlements?limit=1&cursor=${page.body.nextCursor}`);
    expect([rest.body.items[0].id, rest.body.nextCursor]).toEqual([entitlements[1], null]);

    for (const query of ['limit=0', 'limit=201', 'limit=x', 'cursor=nope']) {
      const refused = await consumerAdmin.get(`${organization}/subscriptions?${query}`);
      expect([query, refused.status, refused.body.code]).toEqual([query, 400, 'platform.validation_failed']);
    }
  });
});
