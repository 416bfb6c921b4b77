import { decodeJwt, exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import { SigningKeyStore } from '../../libs/identity/src/application/ports/signing-key-store.js';
import { addMember, signInToApp, createAppClient } from '../support/authorization.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { basicAuth, clientToken, provisionClient, type ProvisionedClient } from '../support/publishers.js';
import { CONSOLE_CLIENT_ID, formPost, signIn } from '../support/sign-in.js';
import { api, createApplication, registerTenant, signInAdmin, type RegisteredTenant } from '../support/tenants.js';

/** RFC 7662 introspection of the JWT access tokens NexinID issues (the provider introspects only tokens it stores). */
describe('introspection of JWT access tokens (e2e)', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;
  let adminToken: string;
  let applicationId: string;
  let service: ProvisionedClient;

  beforeAll(async () => {
    nexinid = await startNexinId();
    tenant = await registerTenant(nexinid);
    adminToken = (await signInAdmin(nexinid, tenant)).accessToken;
    applicationId = (await createApplication(nexinid, adminToken, tenant.organizationId)).id;
    service = await provisionClient(nexinid, adminToken, applicationId, 'Automation');
  });
  afterAll(() => nexinid?.close());

  async function introspect(caller: ProvisionedClient, token: string): Promise<Record<string, unknown>> {
    const response = await fetch(`${nexinid.baseUrl}/connect/introspect`, {
      ...formPost({ token }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basicAuth(caller.clientId, caller.clientSecret) },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    return (await response.json()) as Record<string, unknown>;
  }

  it("answers a client's own client-credentials token as active, with the token's claims", async () => {
    const token = await clientToken(nexinid, service);
    const answer = await introspect(service, token);
    const claims = decodeJwt(token);
    expect(answer).toEqual({ ...claims, active: true, token_type: 'Bearer' });
    expect(answer).toMatchObject({ client_id: service.clientId, tenant_id: tenant.tenantId, organization_id: tenant.organizationId, aud: 'nexidentity.api', iss: nexinid.baseUrl });
  });

  it("answers a user's token to an Automation client of the same tenant, with the tenant context", async () => {
    const session = await signIn(nexinid, { email: tenant.email, password: tenant.password });
    const answer = await introspect(service, session.accessToken);
    expect(answer).toMatchObject({
      active: true,
      token_type: 'Bearer',
      client_id: CONSOLE_CLIENT_ID,
      sub: tenant.userId,
      tenant_id: tenant.tenantId,
      membership_id: tenant.membershipId,
      session_id: session.claims.session_id,
    });
  });

  it('answers only { active: false } to a client of another tenant, and for forged, expired or malformed tokens', async () => {
    const other = await registerTenant(nexinid);
    const otherToken = (await signInAdmin(nexinid, other)).accessToken;
    const spy = await provisionClient(nexinid, otherToken, (await createApplication(nexinid, otherToken, other.organizationId)).id, 'Automation');
    expect(await introspect(spy, await clientToken(nexinid, service))).toEqual({ active: false });
    expect(await introspect(spy, adminToken)).toEqual({ active: false });

    const [key] = (await nexinid.app.get(SigningKeyStore, { strict: false }).list()).filter((k) => k.status === 'active');
    const genuine = decodeJwt(await clientToken(nexinid, service));
    const sign = (claims: Record<string, unknown>, signingKey = key.privateJwk) =>
      importJWK(signingKey, 'ES256').then((k) => new SignJWT({ ...genuine, ...claims }).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: key.kid }).sign(k));
    const now = Math.floor(Date.now() / 1000);
    expect(await introspect(service, await sign({ exp: now - 60, iat: now - 700 }))).toEqual({ active: false });
    expect(await introspect(service, await sign({ aud: 'someone-else' }))).toEqual({ active: false });
    const foreignKey = await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey);
    expect(await introspect(service, await sign({}, foreignKey))).toEqual({ active: false });
    expect(await introspect(service, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.')).toEqual({ active: false });
  });

  it("answers a token as inactive, and userinfo refuses it, once its session signed out, its membership was suspended or its client disabled", async () => {
    const userinfo = (token: string) => fetch(`${nexinid.baseUrl}/connect/userinfo`, { headers: { authorization: `Bearer ${token}` } }).then(async (response) => ({ status: response.status, body: await response.json() }));
    const session = await signIn(nexinid, { email: tenant.email, password: tenant.password });
    expect((await introspect(service, session.accessToken)).active).toBe(true);
    expect(await userinfo(session.accessToken)).toMatchObject({ status: 200, body: { sub: tenant.userId } });
    const logout = await session.browser.get(`/connect/endsession?client_id=${CONSOLE_CLIENT_ID}`);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(await logout.text())![1];
    await session.browser.postForm('/connect/endsession/confirm', { xsrf, logout: 'yes' });
    expect(await introspect(service, session.accessToken)).toEqual({ active: false });
    expect(await userinfo(session.accessToken)).toMatchObject({ status: 401, body: { error: 'invalid_token' } });

    const member = await addMember(nexinid, adminToken, tenant);
    const appClient = await createAppClient(nexinid, adminToken, applicationId);
    const memberToken = (await signInToApp(nexinid, appClient, member, tenant.organizationId)).accessToken;
    expect((await introspect(service, memberToken)).active).toBe(true);
    expect((await userinfo(memberToken)).status).toBe(200);
    expect((await api(nexinid, adminToken).post(`/api/memberships/${member.membershipId}/suspend`, {})).status).toBe(200);
    expect(await introspect(service, memberToken)).toEqual({ active: false });
    expect(await userinfo(memberToken)).toMatchObject({ status: 401, body: { error: 'invalid_token' } });

    const retired = await provisionClient(nexinid, adminToken, applicationId, 'Automation');
    const retiredToken = await clientToken(nexinid, retired);
    expect((await introspect(service, retiredToken)).active).toBe(true);
    expect((await api(nexinid, adminToken).post(`/api/applications/${applicationId}/clients/${retired.clientId}/disable`, {})).status).toBe(200);
    expect(await introspect(service, retiredToken)).toEqual({ active: false });
  });
});
