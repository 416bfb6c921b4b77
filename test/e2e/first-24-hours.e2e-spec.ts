import * as oidc from 'openid-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { BrowserSession } from '../support/browser-session.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { api, createApplication, registerTenant, signInAdmin, type RegisteredTenant } from '../support/tenants.js';

/** Spec 001 walked by a real relying party (openid-client) against a running NexinID. */
describe('the first 24 hours (spec 001, e2e)', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;
  let adminToken: string;
  let application: { id: string; key: string };
  let interactive: { clientId: string };
  let automation: { clientId: string; clientSecret: string; name: string };
  const redirectUri = 'https://orders.example.com/callback';

  beforeAll(async () => {
    nexinid = await startNexinId();
    tenant = await registerTenant(nexinid, { plan: 'Team' });
    adminToken = (await signInAdmin(nexinid, tenant)).accessToken;
  });
  afterAll(() => nexinid?.close());

  it('creates the application and provisions an InteractiveWeb and an Automation client', async () => {
    application = await createApplication(nexinid, adminToken, tenant.organizationId, 'orders');
    const admin = api(nexinid, adminToken);
    const web = await admin.post(`/api/applications/${application.id}/clients`, { type: 'InteractiveWeb', name: 'Orders web', redirectUris: [redirectUri] });
    expect(web.status).toBe(201);
    expect(web.body).toMatchObject({ type: 'InteractiveWeb', hasSecret: false, redirectUris: [redirectUri] });
    expect(web.body.clientSecret).toBeUndefined();
    expect(web.body.scopes).toEqual(expect.arrayContaining(['openid', 'profile', 'email', 'tenant_context', 'nexidentity.api']));
    interactive = web.body;

    const service = await admin.post(`/api/applications/${application.id}/clients`, { type: 'Automation', name: 'Nightly sync' });
    expect(service.status).toBe(201);
    expect(service.body.clientSecret).toMatch(/^nxs_/);
    automation = service.body;
    const fetched = await admin.get(`/api/applications/${application.id}/clients/${automation.clientId}`);
    expect(fetched.body.clientSecret).toBeUndefined();
  });

  it('signs a user in with Authorization Code + PKCE and validates the token through discovery and JWKS', async () => {
    const config = await oidc.discovery(new URL(nexinid.baseUrl), interactive.clientId, { token_endpoint_auth_method: 'none' }, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    });
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(nexinid.baseUrl);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);

    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile email tenant_context nexidentity.api',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });
    const browser = new BrowserSession(nexinid.baseUrl);
    const login = await browser.follow(await browser.get(url.toString()));
    expect(login.response.status).toBe(200);
    const uid = new URL(login.response.url).pathname.split('/')[3];
    expect(await login.response.text()).toContain('name="password"');
    const done = await browser.follow(await browser.postForm(`/ui/interaction/${uid}/login`, { email: tenant.email, password: tenant.password }));
    expect(done.leftTo?.origin).toBe('https://orders.example.com');

    const tokens = await oidc.authorizationCodeGrant(config, done.leftTo!, { pkceCodeVerifier: verifier, expectedState: state });
    const idClaims = tokens.claims()!;
    expect(idClaims).toMatchObject({ iss: nexinid.baseUrl, aud: interactive.clientId, sub: tenant.userId, email: tenant.email });

    const jwks = createRemoteJWKSet(new URL(metadata.jwks_uri!));
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, {
      issuer: nexinid.baseUrl,
      audience: 'nexidentity.api',
      typ: 'at+jwt',
      algorithms: ['ES256'],
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(String(payload.scope).split(' ')).toEqual(expect.arrayContaining(['openid', 'tenant_context', 'nexidentity.api']));
    expect(payload).toMatchObject({
      sub: tenant.userId,
      client_id: interactive.clientId,
      user_id: tenant.userId,
      tenant_id: tenant.tenantId,
      organization_id: tenant.organizationId,
      membership_id: tenant.membershipId,
      perm_ver: expect.any(Number),
      ent_ver: expect.any(Number),
      session_id: expect.any(String),
    });
    expect(payload.nbf).toBe(payload.iat);

    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, tenant.userId);
    expect(userinfo).toMatchObject({
      sub: tenant.userId,
      email: tenant.email,
      name: 'Ada Admin',
      preferred_username: tenant.email,
      tenant_id: tenant.tenantId,
      slug: tenant.slug,
      membership_id: tenant.membershipId,
    });

    const protectedCall = await api(nexinid, tokens.access_token).get(`/api/organizations/${tenant.organizationId}/applications`);
    expect(protectedCall.status).toBe(200);
  });

  it('issues an Automation token with client credentials carrying the owning tenant and organization', async () => {
    const config = await oidc.discovery(new URL(nexinid.baseUrl), automation.clientId, {}, oidc.ClientSecretBasic(automation.clientSecret), {
      execute: [oidc.allowInsecureRequests],
    });
    const tokens = await oidc.clientCredentialsGrant(config, { scope: 'nexidentity.api' });
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    const { payload } = await jwtVerify(tokens.access_token, jwks, { issuer: nexinid.baseUrl, audience: 'nexidentity.api', typ: 'at+jwt' });
    expect(payload).toMatchObject({
      sub: automation.clientId,
      client_id: automation.clientId,
      tenant_id: tenant.tenantId,
      organization_id: tenant.organizationId,
      application_id: application.id,
      scope: 'nexidentity.api',
    });
    expect(payload.nbf).toBe(payload.iat);
  });

  it('shows all of it in the audit trail', async () => {
    const admin = api(nexinid, adminToken);
    const wanted = ['tenant.registered', 'application.created', 'client.created', 'user.signed_in', 'token.issued'];
    let actions: string[] = [];
    for (let attempt = 0; attempt < 20 && !wanted.every((action) => actions.includes(action)); attempt += 1) {
      const page = await admin.get(`/api/organizations/${tenant.organizationId}/audit-events?limit=200`);
      expect(page.status).toBe(200);
      actions = page.body.items.map((item: { action: string }) => item.action);
      if (!wanted.every((action) => actions.includes(action))) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(actions).toEqual(expect.arrayContaining(wanted));
    const created = await admin.get(`/api/organizations/${tenant.organizationId}/audit-events?action=client.created`);
    expect(created.body.items[0]).toMatchObject({ action: 'client.created', actor: { type: 'user', id: tenant.userId, display: tenant.email }, outcome: 'success' });
    const signedIn = await admin.get(`/api/organizations/${tenant.organizationId}/audit-events?action=user.signed_in`);
    expect(signedIn.body.items[0]).toMatchObject({ actor: { type: 'user', id: tenant.userId, display: tenant.email }, target: { type: 'client' } });
    expect(JSON.stringify(created.body)).not.toContain(automation.clientSecret);
    const issued = await admin.get(`/api/organizations/${tenant.organizationId}/audit-events?action=token.issued`);
    expect(issued.body.items[0]).toMatchObject({
      action: 'token.issued',
      actor: { type: 'client', id: automation.clientId, display: automation.name },
      target: { type: 'client', id: automation.clientId, display: automation.name },
      outcome: 'success',
    });
  });
});
