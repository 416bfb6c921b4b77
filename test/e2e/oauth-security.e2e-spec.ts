import { decodeJwt, generateKeyPair, importJWK, SignJWT } from 'jose';
import { SigningKeyStore } from '../../libs/identity/src/application/ports/signing-key-store.js';
import { AuditTrail } from '#platform';
import { BrowserSession } from '../support/browser-session.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { authorize, CONSOLE_CLIENT_ID, formPost, pkcePair, signIn } from '../support/sign-in.js';
import { APP_REDIRECT, createAppClient } from '../support/authorization.js';
import { api, createApplication, registerTenant, signInAdmin, type RegisteredTenant } from '../support/tenants.js';

describe('OAuth and bearer security (e2e)', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;
  let adminToken: string;

  beforeAll(async () => {
    nexinid = await startNexinId();
    tenant = await registerTenant(nexinid);
    adminToken = (await signInAdmin(nexinid, tenant)).accessToken;
  });
  afterAll(() => nexinid?.close());

  const protectedPath = () => `/api/organizations/${tenant.organizationId}/applications`;

  /** Signs with NexinID's own current key, so only the claim under test is wrong. */
  async function forge(claims: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
    const [key] = (await nexinid.app.get(SigningKeyStore, { strict: false }).list()).filter((k) => k.status === 'active');
    const real = decodeJwt(adminToken);
    return new SignJWT({ ...real, ...claims })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: key.kid, ...header })
      .sign(await importJWK(key.privateJwk, 'ES256'));
  }

  async function expect401(token: string) {
    const response = await fetch(`${nexinid.baseUrl}${protectedPath()}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  }

  it('accepts the genuine token', async () => {
    expect((await api(nexinid, adminToken).get(protectedPath())).status).toBe(200);
    expect(await forge({})).not.toBe(adminToken);
    expect((await api(nexinid, await forge({ jti: 'still-valid' })).get(protectedPath())).status).toBe(200);
  });

  it('rejects a missing, malformed, expired, not-yet-valid, wrong-audience, wrong-issuer, wrong-typ, alg none or foreign-key token with 401', async () => {
    const missing = await fetch(`${nexinid.baseUrl}${protectedPath()}`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    await expect401('not-a-jwt');
    const now = Math.floor(Date.now() / 1000);
    await expect401(await forge({ exp: now - 60, iat: now - 700 }));
    await expect401(await forge({ nbf: now + 600 }));
    await expect401(await forge({ aud: 'someone-else' }));
    await expect401(await forge({ iss: 'https://evil.example.com' }));
    await expect401(await forge({}, { typ: 'JWT' }));
    const [header, payload] = adminToken.split('.');
    const none = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(header, 'base64url').toString()), alg: 'none' })).toString('base64url')}.${payload}.`;
    await expect401(none);
    await expect401(`${header}.${Buffer.from(JSON.stringify({ ...decodeJwt(adminToken), tenant_id: 'x' })).toString('base64url')}.${adminToken.split('.')[2]}`);
    const { privateKey } = await generateKeyPair('ES256');
    const kid = JSON.parse(Buffer.from(header, 'base64url').toString()).kid;
    await expect401(await new SignJWT(decodeJwt(adminToken)).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid }).sign(privateKey));
  });

  it('rejects a token of another NexinID (other issuer and keys)', async () => {
    const other = await startNexinId();
    try {
      const foreign = await registerTenant(other);
      const token = (await signInAdmin(other, foreign)).accessToken;
      await expect401(token);
    } finally {
      await other.close();
    }
  });

  it('answers 403 naming the missing scope for a token without nexidentity.api', async () => {
    const limited = await signIn(nexinid, { email: tenant.email, password: tenant.password, scope: 'openid profile' });
    const response = await api(nexinid, limited.accessToken).get(protectedPath());
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('platform.insufficient_scope');
  });

  it('answers userinfo with the claims the access token was granted, tenant claims with tenant_context or nexidentity.api', async () => {
    const userinfo = async (token: string) => {
      const response = await fetch(`${nexinid.baseUrl}/connect/userinfo`, { headers: { authorization: `Bearer ${token}` } });
      return { status: response.status, challenge: response.headers.get('www-authenticate'), body: (await response.json()) as Record<string, unknown> };
    };
    const sign = async (scope: string) => (await signIn(nexinid, { email: tenant.email, password: tenant.password, scope })).accessToken;
    const tenantClaims = { user_id: tenant.userId, tenant_id: tenant.tenantId, organization_id: tenant.organizationId, membership_id: tenant.membershipId, perm_ver: expect.any(Number), ent_ver: expect.any(Number) };

    const profileOnly = await userinfo(await sign('openid profile'));
    expect(profileOnly).toMatchObject({ status: 200, body: { sub: tenant.userId, name: expect.any(String), preferred_username: tenant.email } });
    expect(profileOnly.body).not.toHaveProperty('email');
    expect(profileOnly.body).not.toHaveProperty('tenant_id');
    expect((await userinfo(await sign('openid nexidentity.api'))).body).toEqual({ sub: tenant.userId, slug: tenant.slug, session_id: expect.any(String), ...tenantClaims });
    expect((await userinfo(await sign('openid email tenant_context'))).body).toMatchObject({ email: tenant.email, email_verified: expect.any(Boolean), ...tenantClaims });

    const withoutOpenid = await userinfo(await sign('nexidentity.api'));
    expect(withoutOpenid).toMatchObject({ status: 403, body: { error: 'insufficient_scope' } });
    expect(withoutOpenid.challenge).toContain('error="insufficient_scope"');
    const forged = await userinfo(await forge({ aud: 'someone-else' }));
    expect(forged).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    expect(forged.challenge).toContain('error="invalid_token"');
  });

  it("refuses on the admin API, at once, a token whose session signed out, and keeps the user's other sessions working", async () => {
    const leaving = await signIn(nexinid, { email: tenant.email, password: tenant.password, organizationId: tenant.organizationId });
    const staying = await signIn(nexinid, { email: tenant.email, password: tenant.password, organizationId: tenant.organizationId });
    expect((await api(nexinid, leaving.accessToken).get(protectedPath())).status).toBe(200);
    const logout = await leaving.browser.get(`/connect/endsession?client_id=${CONSOLE_CLIENT_ID}`);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(await logout.text())![1];
    await leaving.browser.postForm('/connect/endsession/confirm', { xsrf, logout: 'yes' });

    const refused = await api(nexinid, leaving.accessToken).get(protectedPath());
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe(
      'Bearer realm="nexinid", error="invalid_token", error_description="The session of this access token has signed out or expired."',
    );
    expect(refused.body).toMatchObject({ code: 'platform.unauthorized' });
    expect((await api(nexinid, leaving.accessToken).get('/api/me')).status).toBe(401);
    expect((await api(nexinid, staying.accessToken).get('/api/me')).status).toBe(200);
    expect((await api(nexinid, leaving.accessToken).post(`/api/organizations/${tenant.organizationId}/applications`, { key: 'after-logout', name: 'x', externalConsumptionPolicy: 'none' })).status).toBe(401);
    expect((await api(nexinid, staying.accessToken).get(`/api/organizations/${tenant.organizationId}/applications?limit=200`)).body.items.map((app: { key: string }) => app.key)).not.toContain('after-logout');
    expect((await api(nexinid, staying.accessToken).get(protectedPath())).status).toBe(200);
  });

  it('publishes its signing keys for five minutes of caching, and nothing else cacheable', async () => {
    const jwks = await fetch(`${nexinid.baseUrl}/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    expect(jwks.headers.get('cache-control')).toBe('public, max-age=300');
    expect(((await jwks.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
    const discovery = await fetch(`${nexinid.baseUrl}/.well-known/openid-configuration`);
    expect(discovery.headers.get('cache-control')).not.toBe('public, max-age=300');
  });

  it("advertises the API's scopes next to the OpenID ones in both discovery documents", async () => {
    for (const path of ['/.well-known/openid-configuration', '/.well-known/oauth-authorization-server']) {
      const { scopes_supported: scopes } = (await (await fetch(`${nexinid.baseUrl}${path}`)).json()) as { scopes_supported: string[] };
      expect(scopes).toEqual(expect.arrayContaining(['openid', 'tenant_context', 'nexidentity.api', 'nexidentity.runtime_manifest_publish', 'nexidentity.runtime_authorization']));
      expect(new Set(scopes).size).toBe(scopes.length);
    }
  });

  it('refuses an unregistered redirect URI without redirecting', async () => {
    const { challenge } = pkcePair();
    const query = new URLSearchParams({
      client_id: CONSOLE_CLIENT_ID,
      response_type: 'code',
      redirect_uri: 'https://evil.example.com/docs/oauth2-redirect.html',
      scope: 'openid',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const response = await fetch(`${nexinid.baseUrl}/connect/authorize?${query}`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('redirect_uri');
  });

  it('requires PKCE and the right verifier', async () => {
    const query = new URLSearchParams({
      client_id: CONSOLE_CLIENT_ID,
      response_type: 'code',
      redirect_uri: `${nexinid.baseUrl}/docs/oauth2-redirect.html`,
      scope: 'openid',
    });
    const noPkce = await fetch(`${nexinid.baseUrl}/connect/authorize?${query}`, { redirect: 'manual' });
    expect(new URL(noPkce.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');

    const flow = await authorize(nexinid, { email: tenant.email, password: tenant.password, organizationId: tenant.organizationId });
    const code = flow.leftTo!.searchParams.get('code')!;
    const exchange = (verifier?: string) =>
      fetch(`${nexinid.baseUrl}/connect/token`, formPost({
        grant_type: 'authorization_code',
        code,
        redirect_uri: flow.redirectUri,
        client_id: CONSOLE_CLIENT_ID,
        ...(verifier ? { code_verifier: verifier } : {}),
      }));
    const missing = await exchange();
    expect(missing.status).toBe(400);
    const wrong = await exchange(pkcePair().verifier);
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_grant');
  });

  /** Exchanges the code an authorization request ended with. */
  const redeem = (flow: Awaited<ReturnType<typeof authorize>>, clientId: string) =>
    fetch(`${nexinid.baseUrl}/connect/token`, formPost({
      grant_type: 'authorization_code',
      code: flow.leftTo!.searchParams.get('code')!,
      redirect_uri: flow.redirectUri,
      client_id: clientId,
      code_verifier: flow.verifier,
    }));

  it('redeems an authorization code once, also when requests race for it, and revokes its grant then', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const flow = await authorize(nexinid, { email: tenant.email, password: tenant.password, organizationId: tenant.organizationId });
      const answers = await Promise.all(Array.from({ length: 5 }, () => redeem(flow, CONSOLE_CLIENT_ID)));
      const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as Array<{ error?: string; refresh_token?: string }>;
      expect(answers.filter((answer) => answer.status === 200).length).toBeLessThanOrEqual(1);
      expect(bodies.filter((body) => body.error).every((body) => body.error === 'invalid_grant')).toBe(true);
      // A redeemed code presented again revokes the grant, so whatever the first redemption got is dead too.
      for (const body of bodies.filter((candidate) => candidate.refresh_token)) {
        const refreshed = await fetch(`${nexinid.baseUrl}/connect/token`, formPost({ grant_type: 'refresh_token', refresh_token: body.refresh_token!, client_id: CONSOLE_CLIENT_ID }));
        expect(refreshed.status).toBe(400);
      }
    }
  });

  it('redeems a code once also for a client that gets no refresh token, whose redemption is written as the request ends', async () => {
    const application = await createApplication(nexinid, adminToken, tenant.organizationId);
    const clientId = await createAppClient(nexinid, adminToken, application.id);
    const codesExchanged = async () => {
      const metrics = await (await fetch(`${nexinid.baseUrl}/metrics`)).text();
      return Number(/oauth_tokens_issued_total\{grant_type="authorization_code"\} (\d+)/.exec(metrics)?.[1] ?? 0);
    };
    const before = await codesExchanged();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const flow = await authorize(nexinid, { email: tenant.email, password: tenant.password, organizationId: tenant.organizationId, clientId, redirectUri: APP_REDIRECT, scope: 'openid tenant_context' });
      const answers = await Promise.all(Array.from({ length: 5 }, () => redeem(flow, clientId)));
      const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as Array<{ error?: string; access_token?: string; refresh_token?: string }>;
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400, 400, 400, 400]);
      expect(bodies.filter((body) => body.access_token).length).toBe(1);
      expect(bodies.some((body) => body.refresh_token)).toBe(false);
      expect(bodies.filter((body) => body.error).map((body) => body.error)).toEqual(Array(4).fill('invalid_grant'));
      const replayed = await redeem(flow, clientId);
      expect(replayed.status).toBe(400);
    }
    // Only the delivered tokens are counted, not those of redemptions that lost as their request ended.
    expect((await codesExchanged()) - before).toBe(3);
  });

  it('rotates refresh tokens and revokes the grant when a used one is replayed', async () => {
    const session = await signIn(nexinid, { email: tenant.email, password: tenant.password, organizationId: tenant.organizationId });
    const refresh = (token: string) =>
      fetch(`${nexinid.baseUrl}/connect/token`, formPost({ grant_type: 'refresh_token', refresh_token: token, client_id: CONSOLE_CLIENT_ID }));
    const first = await refresh(session.refreshToken!);
    expect(first.status).toBe(200);
    const rotated = (await first.json()) as { refresh_token: string; access_token: string };
    expect(rotated.refresh_token).not.toBe(session.refreshToken);
    expect(decodeJwt(rotated.access_token)).toMatchObject({ tenant_id: tenant.tenantId, membership_id: tenant.membershipId });

    await new Promise((resolve) => setTimeout(resolve, 3_500));
    const replay = await refresh(session.refreshToken!);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: string }).error).toBe('invalid_grant');
    const afterRevocation = await refresh(rotated.refresh_token);
    expect(afterRevocation.status).toBe(400);
  });

  it('refuses a refresh once the session that issued it has signed out', async () => {
    const session = await signIn(nexinid, { email: tenant.email, password: tenant.password, organizationId: tenant.organizationId });
    const refresh = (token: string) =>
      fetch(`${nexinid.baseUrl}/connect/token`, formPost({ grant_type: 'refresh_token', refresh_token: token, client_id: CONSOLE_CLIENT_ID }));
    const before = await refresh(session.refreshToken!);
    expect(before.status).toBe(200);
    const { refresh_token: current } = (await before.json()) as { refresh_token: string };

    const logout = await session.browser.get(`/connect/endsession?client_id=${CONSOLE_CLIENT_ID}`);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(await logout.text())![1];
    await session.browser.postForm('/connect/endsession/confirm', { xsrf, logout: 'yes' });

    const after = await refresh(current);
    expect(after.status).toBe(400);
    expect(((await after.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('answers a wrong password on the hosted login with the form again and no session', async () => {
    const browser = new BrowserSession(nexinid.baseUrl);
    const flow = await authorize(nexinid, { email: tenant.email, password: 'wrong password!!' }, browser);
    expect(flow.leftTo).toBeUndefined();
    expect(flow.response.status).toBe(401);
    expect(await flow.response.text()).toContain('The email or password is not correct.');
  });

  it('locks an account after repeated failures, also for the right password', async () => {
    const victim = await registerTenant(nexinid);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const flow = await authorize(nexinid, { email: victim.email, password: `wrong-${attempt}-password` });
      await flow.response.text();
    }
    const locked = await authorize(nexinid, { email: victim.email, password: victim.password });
    expect(locked.response.status).toBe(429);
    expect(locked.response.headers.get('retry-after')).toMatch(/^\d+$/);
  }, 90_000);

  it('rejects client credentials with a wrong secret and for a disabled client', async () => {
    const admin = api(nexinid, adminToken);
    const app = await admin.post(`/api/organizations/${tenant.organizationId}/applications`, { key: 'billing', name: 'Billing', externalConsumptionPolicy: 'none' });
    const client = await admin.post(`/api/applications/${app.body.id}/clients`, { type: 'Automation', name: 'Job' });
    const basic = (secret: string) => ({
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${client.body.clientId}:${secret}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    expect((await fetch(`${nexinid.baseUrl}/connect/token`, basic(client.body.clientSecret))).status).toBe(200);
    const wrong = await fetch(`${nexinid.baseUrl}/connect/token`, basic('nxs_wrong'));
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_client');
    // The secret that passed is remembered by the client instance; a wrong one still fails and the right one still passes.
    expect((await fetch(`${nexinid.baseUrl}/connect/token`, basic(`${client.body.clientSecret.slice(0, -1)}${client.body.clientSecret.endsWith('x') ? 'y' : 'x'}`))).status).toBe(401);
    expect((await fetch(`${nexinid.baseUrl}/connect/token`, basic(client.body.clientSecret))).status).toBe(200);

    const rotated = await admin.post(`/api/applications/${app.body.id}/clients/${client.body.clientId}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect((await fetch(`${nexinid.baseUrl}/connect/token`, basic(client.body.clientSecret))).status).toBe(401);
    expect((await fetch(`${nexinid.baseUrl}/connect/token`, basic(rotated.body.clientSecret))).status).toBe(200);

    expect((await admin.post(`/api/applications/${app.body.id}/clients/${client.body.clientId}/disable`)).status).toBe(200);
    expect((await fetch(`${nexinid.baseUrl}/connect/token`, basic(rotated.body.clientSecret))).status).toBe(401);
  });

  it('gives a client-credentials request the scopes asked for, or refuses one it may not have with invalid_scope and no token.issued', async () => {
    const admin = api(nexinid, adminToken);
    const app = await admin.post(`/api/organizations/${tenant.organizationId}/applications`, { key: 'scoped', name: 'Scoped', externalConsumptionPolicy: 'none' });
    const client = await admin.post(`/api/applications/${app.body.id}/clients`, { type: 'Automation', name: 'Scoped job', scopes: ['nexidentity.api'] });
    expect(client.status).toBe(201);
    const token = async (scope?: string) => {
      const response = await fetch(`${nexinid.baseUrl}/connect/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${client.body.clientId}:${client.body.clientSecret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', ...(scope === undefined ? {} : { scope }) }).toString(),
      });
      return { status: response.status, body: (await response.json()) as Record<string, string> };
    };
    const unscoped = await token();
    expect(unscoped).toMatchObject({ status: 200, body: { scope: 'nexidentity.api' } });
    expect(decodeJwt(unscoped.body.access_token).scope).toBe('nexidentity.api');
    expect(await token('nexidentity.api')).toMatchObject({ status: 200, body: { scope: 'nexidentity.api' } });

    const audit = nexinid.app.get(AuditTrail) as unknown as { flush(): Promise<void> };
    await audit.flush();
    const issued = async () => (await admin.get(`/api/organizations/${tenant.organizationId}/audit-events?action=token.issued&actorId=${client.body.clientId}`)).body.items.length;
    const before = await issued();
    expect(before).toBe(2);
    for (const [asked, refused] of [
      ['nexidentity.runtime_authorization', 'nexidentity.runtime_authorization'],
      ['nexidentity.api foo.bar', 'foo.bar'],
      ['openid', 'openid'],
    ]) {
      expect(await token(asked)).toEqual({ status: 400, body: { error: 'invalid_scope', error_description: 'requested scope is not allowed for this client', scope: refused } });
    }
    expect(await token('nexidentity.api "quoted"')).toEqual({ status: 400, body: { error: 'invalid_scope', error_description: 'scope contains invalid characters' } });
    await audit.flush();
    expect(await issued()).toBe(before);
  });

  it("lets no client of another tenant introspect or revoke a tenant's tokens", async () => {
    const session = await signIn(nexinid, { email: tenant.email, password: tenant.password, organizationId: tenant.organizationId });
    const other = await registerTenant(nexinid);
    const otherToken = (await signInAdmin(nexinid, other)).accessToken;
    const otherApp = await api(nexinid, otherToken).post(`/api/organizations/${other.organizationId}/applications`, { key: 'spy', name: 'Spy', externalConsumptionPolicy: 'none' });
    const spy = await api(nexinid, otherToken).post(`/api/applications/${otherApp.body.id}/clients`, { type: 'Automation', name: 'Spy' });
    const auth = `Basic ${Buffer.from(`${spy.body.clientId}:${spy.body.clientSecret}`).toString('base64')}`;
    const call = (path: string) =>
      fetch(`${nexinid.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: session.refreshToken! }).toString(),
      });
    const introspection = await call('/connect/introspect');
    expect(introspection.status).toBe(200);
    expect(await introspection.json()).toEqual({ active: false });
    const revocation = await call('/connect/revocation');
    expect(revocation.status).toBe(400);
    const stillValid = await fetch(`${nexinid.baseUrl}/connect/token`, formPost({ grant_type: 'refresh_token', refresh_token: session.refreshToken!, client_id: CONSOLE_CLIENT_ID }));
    expect(stillValid.status).toBe(200);
  });
});
