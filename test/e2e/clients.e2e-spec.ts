import { OutboxRelay } from '#platform';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { api, createApplication, registerTenant, signInAdmin, type RegisteredTenant } from '../support/tenants.js';

describe('OAuth clients REST (e2e)', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;
  let admin: ReturnType<typeof api>;
  let adminToken: string;
  let applicationId: string;

  beforeAll(async () => {
    nexinid = await startNexinId();
    tenant = await registerTenant(nexinid, { plan: 'Developer' });
    adminToken = (await signInAdmin(nexinid, tenant)).accessToken;
    admin = api(nexinid, adminToken);
    applicationId = (await createApplication(nexinid, adminToken, tenant.organizationId)).id;
  });
  afterAll(() => nexinid?.close());

  const clients = () => `/api/applications/${applicationId}/clients`;

  it('provisions a ManifestPublisher with the publish scope and shows its secret once', async () => {
    const created = await admin.post(clients(), { type: 'ManifestPublisher', name: 'CI publisher' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'ManifestPublisher', scopes: ['nexidentity.runtime_manifest_publish'], hasSecret: true });
    expect(created.body.clientSecret).toMatch(/^nxs_[A-Za-z0-9_-]{43}$/);
    // The one answer that shows the secret is kept by no cache.
    expect(created.headers.get('cache-control')).toBe('no-store');
    const listed = await admin.get(clients());
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.clientSecret);
  });

  it.each([
    ['an unknown type', { type: 'Robot', name: 'x' }],
    ['a missing name', { type: 'Automation' }],
    ['an unknown field', { type: 'Automation', name: 'x', secret: 'mine' }],
    ['a wrong type of field', { type: 'Automation', name: 42 }],
    ['redirect URIs on an Automation client', { type: 'Automation', name: 'x', redirectUris: ['https://a.example.com/cb'] }],
    ['an InteractiveWeb client without redirect URIs', { type: 'InteractiveWeb', name: 'x' }],
    ['a plain-http redirect URI', { type: 'InteractiveWeb', name: 'x', redirectUris: ['http://app.example.com/cb'] }],
    ['a wildcard redirect URI', { type: 'InteractiveWeb', name: 'x', redirectUris: ['https://*.example.com/cb'] }],
    ['a redirect URI with a fragment', { type: 'InteractiveWeb', name: 'x', redirectUris: ['https://app.example.com/cb#x'] }],
    ['a scope the type may not have', { type: 'Automation', name: 'x', scopes: ['openid'] }],
  ])('refuses %s with 400 problem+json and creates nothing', async (_case, body) => {
    const before = (await admin.get(clients())).body.items.length;
    const response = await admin.post(clients(), body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toMatch(/^(platform\.validation_failed|identity\.invalid_redirect_uri|identity\.invalid_scope)$/);
    expect((await admin.get(clients())).body.items.length).toBe(before);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await fetch(`${nexinid.baseUrl}${clients()}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: '{"type": "Automation",',
    });
    expect(response.status).toBe(400);
  });

  it('refuses to rotate the secret of a public client', async () => {
    const web = await admin.post(clients(), { type: 'InteractiveWeb', name: 'Web', redirectUris: ['https://app.example.com/cb'] });
    expect(web.status).toBe(201);
    const rotated = await admin.post(`${clients()}/${web.body.clientId}/rotate-secret`);
    expect(rotated.status).toBe(409);
    expect(rotated.body.code).toBe('identity.client_has_no_secret');
  });

  it('updates, disables, enables and deletes a client', async () => {
    const web = await admin.post(clients(), { type: 'InteractiveWeb', name: 'Web 2', redirectUris: ['https://app.example.com/cb'] });
    const path = `${clients()}/${web.body.clientId}`;
    const updated = await admin.patch(path, { name: 'Web two', redirectUris: ['https://app.example.com/cb2', 'http://127.0.0.1:8080/cb'] });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Web two', redirectUris: ['https://app.example.com/cb2', 'http://127.0.0.1:8080/cb'] });
    expect((await admin.post(`${path}/disable`)).body.status).toBe('disabled');
    expect((await admin.post(`${path}/enable`)).body.status).toBe('active');
    expect((await admin.delete(path)).status).toBe(204);
    expect((await admin.get(path)).status).toBe(404);
  });

  it('enforces MaxClientsPerApplication with a problem naming the quota', async () => {
    let response;
    for (let i = 0; i < 50; i += 1) {
      response = await admin.post(clients(), { type: 'Automation', name: `job ${i}` });
      if (response.status !== 201) break;
    }
    expect(response!.status).toBe(409);
    expect(response!.body).toMatchObject({ code: 'identity.quota_exceeded', quota: 'MaxClientsPerApplication' });
  });

  it("answers 404 for another tenant's application and client", async () => {
    const other = await registerTenant(nexinid);
    const otherToken = (await signInAdmin(nexinid, other)).accessToken;
    const foreign = api(nexinid, otherToken);
    expect((await foreign.get(clients())).status).toBe(404);
    expect((await foreign.post(clients(), { type: 'Automation', name: 'intruder' })).status).toBe(404);
    const mine = (await admin.get(clients())).body.items[0];
    const theirApp = await createApplication(nexinid, otherToken, other.organizationId);
    expect((await foreign.get(`/api/applications/${theirApp.id}/clients/${mine.clientId}`)).status).toBe(404);
  });

  it('removes the clients of a deleted application, so they get no more tokens', async () => {
    const application = await createApplication(nexinid, adminToken, tenant.organizationId);
    const client = await admin.post(`/api/applications/${application.id}/clients`, { type: 'Automation', name: 'Doomed job' });
    const token = () =>
      fetch(`${nexinid.baseUrl}/connect/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${client.body.clientId}:${client.body.clientSecret}`).toString('base64')}`,
        },
        body: 'grant_type=client_credentials',
      });
    expect((await token()).status).toBe(200);
    expect((await admin.delete(`/api/applications/${application.id}`)).status).toBe(204);
    await nexinid.app.get(OutboxRelay).drain();
    expect((await token()).status).toBe(401);
    const audit = await admin.get(`/api/organizations/${tenant.organizationId}/audit-events?action=client.deleted&targetId=${client.body.clientId}`);
    expect(audit.body.items[0]).toMatchObject({ actor: { type: 'system' }, reason: 'its application was deleted' });
  });
});
