import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { CONSOLE_CLIENT_ID, CONSOLE_SCOPE, formPost, pkcePair } from '../support/sign-in.js';
import { api, ADMIN_PASSWORD, registerTenant, signInAdmin, type RegisteredTenant } from '../support/tenants.js';

/** PostgreSQL cannot keep U+0000 or unpaired surrogates: a request carrying one is refused where it is read, never a 500, nothing written. */
describe('text PostgreSQL cannot keep, in requests (e2e)', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;
  let admin: ReturnType<typeof api>;

  beforeAll(async () => {
    nexinid = await startNexinId();
    tenant = await registerTenant(nexinid);
    admin = api(nexinid, (await signInAdmin(nexinid, tenant)).accessToken);
  });
  afterAll(() => nexinid?.close());

  const registration = (slug: string, email: string) => ({
    slug,
    displayName: 'Nul Corp',
    plan: 'Team',
    organizationName: 'Nul HQ',
    administrator: { email, password: ADMIN_PASSWORD, name: 'Nul' },
  });

  it('answers a JSON body holding one with a 400 problem naming the field, and writes nothing', async () => {
    const response = await fetch(`${nexinid.baseUrl}/api/tenants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(registration('nul-corp', 'ada\u0000@nul.example')),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = await response.json();
    expect(problem).toMatchObject({ code: 'platform.validation_failed', errors: [{ field: 'administrator.email', message: expect.stringContaining('NUL') }] });
    const surrogate = await fetch(`${nexinid.baseUrl}/api/tenants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(registration('nul-corp', 'ada@nul.example')).replace('"Nul HQ"', '"Nul \\uD800 HQ"'),
    });
    expect(surrogate.status).toBe(400);
    expect(await surrogate.json()).toMatchObject({ errors: [{ field: 'organizationName', message: expect.stringContaining('unpaired surrogates') }] });
    // The slug is still free: nothing of the refused registrations was kept.
    await expect(registerTenant(nexinid, { slug: 'nul-corp' })).resolves.toMatchObject({ slug: 'nul-corp' });
  });

  it('answers a form body, a path or a query holding one with a 400 problem', async () => {
    const formBody = await fetch(`${nexinid.baseUrl}/api/tenants`, formPost({ slug: 'nul\u0000' }));
    const path = await admin.get('/api/organizations/%00');
    const query = await admin.get(`/api/organizations/${tenant.organizationId}/audit-events?actorId=%00`);
    for (const response of [{ status: formBody.status, headers: formBody.headers }, path, query]) {
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('answers a runtime check holding one with a 400 problem', async () => {
    const response = await admin.post('/api/runtime/authorization/check', { permissions: [{ featureKey: 'reports\u0000', actionKey: 'view' }] });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'platform.validation_failed', errors: [{ field: 'permissions[0].featureKey', message: expect.stringContaining('NUL') }] });
  });

  it('answers OAuth requests holding one with OAuth errors', async () => {
    const authorizeUrl = await fetch(`${nexinid.baseUrl}/connect/authorize?client_id=${CONSOLE_CLIENT_ID}&response_type=code&state=%00`, { redirect: 'manual' });
    expect(authorizeUrl.status).toBe(400);
    expect(await authorizeUrl.json()).toMatchObject({ error: 'invalid_request' });

    const token = (fields: Record<string, string>) => fetch(`${nexinid.baseUrl}/connect/token`, formPost(fields));
    const refresh = await token({ grant_type: 'refresh_token', refresh_token: 'x\u0000', client_id: CONSOLE_CLIENT_ID });
    expect([refresh.status, ((await refresh.json()) as { error: string }).error]).toEqual([400, 'invalid_grant']);
    const code = await token({ grant_type: 'authorization_code', code: 'x\u0000', client_id: CONSOLE_CLIENT_ID, redirect_uri: `${nexinid.baseUrl}/docs/oauth2-redirect.html`, code_verifier: pkcePair().verifier });
    expect([code.status, ((await code.json()) as { error: string }).error]).toEqual([400, 'invalid_grant']);
    const client = await token({ grant_type: 'client_credentials', client_id: 'svc\u0000', client_secret: 'x' });
    expect([client.status, ((await client.json()) as { error: string }).error]).toEqual([401, 'invalid_client']);
    const revocation = await fetch(`${nexinid.baseUrl}/connect/revocation`, formPost({ token: 'x\u0000', client_id: CONSOLE_CLIENT_ID }));
    expect(revocation.status).toBe(200);
  });

  it('sends an authorization request pushed with one back to the client as invalid_request', async () => {
    const redirectUri = `${nexinid.baseUrl}/docs/oauth2-redirect.html`;
    const pushed = await fetch(
      `${nexinid.baseUrl}/connect/par`,
      formPost({ client_id: CONSOLE_CLIENT_ID, response_type: 'code', scope: CONSOLE_SCOPE, redirect_uri: redirectUri, code_challenge: pkcePair().challenge, code_challenge_method: 'S256', nonce: 'n\u0000' }),
    );
    expect(pushed.status).toBe(201);
    const { request_uri: requestUri } = (await pushed.json()) as { request_uri: string };
    const response = await fetch(`${nexinid.baseUrl}/connect/authorize?client_id=${CONSOLE_CLIENT_ID}&request_uri=${encodeURIComponent(requestUri)}`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    const back = new URL(response.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
    expect(back.searchParams.get('error')).toBe('invalid_request');
  });
});
