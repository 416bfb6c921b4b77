import { EDITION } from '../support/licensing.js';
import { publishFeatures } from '../support/publishers.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { api, registerTenant, signInAdmin, type RegisteredTenant } from '../support/tenants.js';

type Policy = 'none' | 'allowlist' | 'public';
type Visibility = 'public' | 'private' | 'allowlist';

interface Case {
  policy: Policy;
  visibility: Visibility;
  allowlisted: boolean;
  /** What is published; both unless said. */
  publication?: 'both' | 'edition only' | 'product only';
  expected: { eligible: true; reason: string } | { eligible: false; reason: string };
}

const CASES: Case[] = [
  { policy: 'public', visibility: 'public', allowlisted: false, expected: { eligible: true, reason: 'public' } },
  { policy: 'public', visibility: 'allowlist', allowlisted: true, expected: { eligible: true, reason: 'allowlisted' } },
  { policy: 'public', visibility: 'allowlist', allowlisted: false, expected: { eligible: false, reason: 'not_allowlisted' } },
  { policy: 'public', visibility: 'private', allowlisted: true, expected: { eligible: false, reason: 'product_private' } },
  { policy: 'allowlist', visibility: 'public', allowlisted: true, expected: { eligible: true, reason: 'allowlisted' } },
  { policy: 'allowlist', visibility: 'public', allowlisted: false, expected: { eligible: false, reason: 'application_allowlist' } },
  { policy: 'allowlist', visibility: 'allowlist', allowlisted: true, expected: { eligible: true, reason: 'allowlisted' } },
  { policy: 'allowlist', visibility: 'allowlist', allowlisted: false, expected: { eligible: false, reason: 'application_allowlist' } },
  { policy: 'allowlist', visibility: 'private', allowlisted: true, expected: { eligible: false, reason: 'product_private' } },
  { policy: 'none', visibility: 'public', allowlisted: true, expected: { eligible: false, reason: 'application_not_consumable' } },
  { policy: 'none', visibility: 'allowlist', allowlisted: true, expected: { eligible: false, reason: 'application_not_consumable' } },
  { policy: 'public', visibility: 'public', allowlisted: true, publication: 'edition only', expected: { eligible: false, reason: 'product_unpublished' } },
  { policy: 'public', visibility: 'public', allowlisted: true, publication: 'product only', expected: { eligible: false, reason: 'edition_unpublished' } },
];

/** External-consumption policy × publication × visibility × allowlist, each case asserted through the catalog and an install. */
describe('licensing: marketplace eligibility matrix (e2e)', () => {
  let nexinid: TestNexinId;
  let vendor: RegisteredTenant;
  let consumer: RegisteredTenant;
  let vendorAdmin: ReturnType<typeof api>;
  let consumerAdmin: ReturnType<typeof api>;
  const offers = new Map<Case, { productId: string; editionId: string }>();

  beforeAll(async () => {
    nexinid = await startNexinId({ env: { NEXINID_REGISTRATION_RATE_LIMIT: '1000' } });
    vendor = await registerTenant(nexinid, { plan: 'Business' });
    consumer = await registerTenant(nexinid, { plan: 'Team' });
    const vendorToken = (await signInAdmin(nexinid, vendor)).accessToken;
    vendorAdmin = api(nexinid, vendorToken);
    consumerAdmin = api(nexinid, (await signInAdmin(nexinid, consumer)).accessToken);
    for (const [index, testCase] of CASES.entries()) {
      const application = await vendorAdmin.post(`/api/organizations/${vendor.organizationId}/applications`, {
        key: `app-${index}`,
        name: `App ${index}`,
        externalConsumptionPolicy: testCase.policy,
      });
      await publishFeatures(nexinid, vendorToken, application.body, ['core']);
      const product = await vendorAdmin.post(`/api/licensing/organizations/${vendor.organizationId}/products`, { applicationId: application.body.id, name: `Product ${index}`, visibility: testCase.visibility });
      const edition = await vendorAdmin.post(`/api/licensing/products/${product.body.id}/editions`, { ...EDITION, code: 'standard', featureKeys: ['core'] });
      await vendorAdmin.put(`/api/licensing/products/${product.body.id}/allowlist`, { organizationIds: testCase.allowlisted ? [consumer.organizationId] : [] });
      if (testCase.publication !== 'edition only') expect((await vendorAdmin.post(`/api/licensing/products/${product.body.id}/publish`)).status).toBe(200);
      if (testCase.publication !== 'product only') expect((await vendorAdmin.post(`/api/licensing/editions/${edition.body.id}/publish`)).status).toBe(200);
      offers.set(testCase, { productId: product.body.id, editionId: edition.body.id });
    }
  });
  afterAll(() => nexinid?.close());

  it.each(CASES.map((c) => ({ ...c, published: c.publication ?? 'both' })))('policy $policy × visibility $visibility × allowlisted $allowlisted × published $published', async (testCase) => {
    const offer = offers.get(CASES.find((c) => c.policy === testCase.policy && c.visibility === testCase.visibility && c.allowlisted === testCase.allowlisted && c.publication === testCase.publication)!)!;
    const catalog = await consumerAdmin.get(`/api/licensing/organizations/${consumer.organizationId}/marketplace/catalog?limit=200`);
    const item = catalog.body.items.find((candidate: { productId: string }) => candidate.productId === offer.productId);
    const install = await consumerAdmin.post(`/api/licensing/organizations/${consumer.organizationId}/product-installations`, offer);
    if (testCase.expected.eligible) {
      expect(item?.eligibility).toEqual({ eligible: true, reason: testCase.expected.reason, externalConsumptionPolicy: testCase.policy });
      expect(install.status).toBe(201);
    } else {
      expect(item).toBeUndefined();
      expect(install.status).toBe(403);
      expect(install.body).toMatchObject({ code: 'licensing.not_eligible', reason: testCase.expected.reason });
    }
  });

  it("lets the vendor's own organization install whatever the policy and visibility", async () => {
    const offer = offers.get(CASES.find((c) => c.policy === 'none' && c.visibility === 'public')!)!;
    const catalog = await vendorAdmin.get(`/api/licensing/organizations/${vendor.organizationId}/marketplace/catalog?limit=200`);
    expect(catalog.body.items.find((item: { productId: string }) => item.productId === offer.productId).eligibility.reason).toBe('vendor_tenant');
    expect((await vendorAdmin.post(`/api/licensing/organizations/${vendor.organizationId}/product-installations`, offer)).status).toBe(201);
  });

  it('pages the catalog by cursor: every eligible product once, in product id order', async () => {
    const catalog = `/api/licensing/organizations/${consumer.organizationId}/marketplace/catalog`;
    const all = (await consumerAdmin.get(`${catalog}?limit=200`)).body;
    expect(all.nextCursor).toBeNull();
    expect(all.items.length).toBeGreaterThan(2);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ productId: string }>; nextCursor: string | null } } = await consumerAdmin.get(`${catalog}?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.body.items.map((item) => item.productId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.items.map((item: { productId: string }) => item.productId));
    expect([...paged].sort()).toEqual(paged);
    expect((await consumerAdmin.get(`${catalog}?limit=0`)).status).toBe(400);
  });

  it('drops a product from the catalog when the allowlist no longer names the organization', async () => {
    const offer = offers.get(CASES[4])!;
    await vendorAdmin.put(`/api/licensing/products/${offer.productId}/allowlist`, { organizationIds: [] });
    const catalog = await consumerAdmin.get(`/api/licensing/organizations/${consumer.organizationId}/marketplace/catalog?limit=200`);
    expect(catalog.body.items.map((item: { productId: string }) => item.productId)).not.toContain(offer.productId);
  });

  it('answers a clear 409 for editions of an application without an active manifest', async () => {
    const application = await vendorAdmin.post(`/api/organizations/${vendor.organizationId}/applications`, { key: 'no-manifest', name: 'No manifest', externalConsumptionPolicy: 'public' });
    const product = await vendorAdmin.post(`/api/licensing/organizations/${vendor.organizationId}/products`, { applicationId: application.body.id, name: 'Bare', visibility: 'public' });
    const edition = await vendorAdmin.post(`/api/licensing/products/${product.body.id}/editions`, { ...EDITION, code: 'standard', featureKeys: [] });
    expect([edition.status, edition.body.code]).toEqual([409, 'licensing.no_active_manifest']);
    const foreignApp = await consumerAdmin.post(`/api/licensing/organizations/${consumer.organizationId}/products`, { applicationId: application.body.id, name: 'Stolen', visibility: 'public' });
    expect([foreignApp.status, foreignApp.body.code]).toEqual([404, 'licensing.application_not_found']);
  });
});
