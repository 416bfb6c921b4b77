import { generateKeyPair, SignJWT } from 'jose';
import { ClientCredentialsError, ClientCredentialsTokenSource, NexinIdUnavailableError, TokenValidationError, TokenValidator } from '../../libs/sdk/src/index.js';
import { freePort } from '../support/free-port.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { api, createApplication, registerTenant, type RegisteredTenant, signInAdmin } from '../support/tenants.js';

/** The integrator SDK against a live NexinID: discovery, JWKS, validation failing closed, client-credentials tokens. */
describe('SDK: token validation and client credentials', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;
  let userToken: string;
  let automation: { clientId: string; clientSecret: string };

  beforeAll(async () => {
    nexinid = await startNexinId();
    tenant = await registerTenant(nexinid);
    userToken = (await signInAdmin(nexinid, tenant)).accessToken;
    const application = await createApplication(nexinid, userToken, tenant.organizationId);
    const created = await api(nexinid, userToken).post(`/api/applications/${application.id}/clients`, { type: 'Automation', name: 'Nightly sync' });
    automation = created.body;
  });
  afterAll(() => nexinid?.close());

  const validator = (overrides: Partial<ConstructorParameters<typeof TokenValidator>[0]> = {}) =>
    new TokenValidator({ issuer: nexinid.baseUrl, audience: 'nexidentity.api', ...overrides });

  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TokenValidationError);
    return (error as TokenValidationError).failure;
  };

  it('validates a signed-in user token and exposes its tenant context', async () => {
    const token = await validator({ requiredScopes: ['tenant_context'] }).validate(userToken);
    expect(token).toMatchObject({ tenantId: tenant.tenantId, organizationId: tenant.organizationId, membershipId: tenant.membershipId, userId: tenant.userId, clientId: 'nexinid-console' });
    expect(token.permVer).toEqual(expect.any(Number));
    expect(token.scopes.has('nexidentity.api')).toBe(true);
  });

  it('gets, caches and shares a client-credentials token, which validates with the owning tenant', async () => {
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      if (String(input).endsWith('/connect/token')) requests += 1;
      return fetch(input, init);
    };
    const source = new ClientCredentialsTokenSource({ issuer: nexinid.baseUrl, ...automation, scope: 'nexidentity.api', fetch: counting });
    const [first, second] = await Promise.all([source.getToken(), source.getToken()]);
    expect(second).toBe(first);
    expect(await source.getToken()).toBe(first);
    expect(requests).toBe(1);
    const validated = await validator().validate(first);
    expect(validated).toMatchObject({ clientId: automation.clientId, tenantId: tenant.tenantId, organizationId: tenant.organizationId });
    // Renewed shortly before expiry: ten minutes later the held token is due.
    const renewed = await source.getToken(Date.now() + 600_000);
    expect(renewed).not.toBe(first);
    expect(requests).toBe(2);
  });

  it('refuses a wrong client secret with the OAuth error', async () => {
    const source = new ClientCredentialsTokenSource({ issuer: nexinid.baseUrl, clientId: automation.clientId, clientSecret: 'nxs_wrong' });
    await expect(source.getToken()).rejects.toMatchObject({ name: ClientCredentialsError.name, error: 'invalid_client' });
  });

  it('fails closed on audience, scope, lifetime, signature, algorithm and malformed tokens', async () => {
    expect(await refusal(validator({ audience: 'someone-else' }).validate(userToken))).toBe('invalid_audience');
    expect(await refusal(validator({ requiredScopes: ['nexidentity.runtime_authorization'] }).validate(userToken))).toBe('insufficient_scope');
    expect(await refusal(validator({ now: () => new Date(Date.now() + 3_600_000) }).validate(userToken))).toBe('expired');
    const [header, payload, signature] = userToken.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), tenant_id: 'someone-else' })).toString('base64url')}.${signature}`;
    expect(await refusal(validator().validate(tampered))).toBe('invalid_signature');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${payload}.`;
    expect(['invalid_signature', 'malformed']).toContain(await refusal(validator().validate(none)));
    const { privateKey } = await generateKeyPair('ES256');
    const kid = JSON.parse(Buffer.from(header, 'base64url').toString()).kid as string;
    const forged = await new SignJWT(JSON.parse(Buffer.from(payload, 'base64url').toString()))
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid })
      .sign(privateKey);
    expect(await refusal(validator().validate(forged))).toBe('invalid_signature');
    expect(await refusal(validator().validate('not-a-token'))).toBe('malformed');
  });

  it('refuses every token when the issuer cannot be discovered, and names it', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    expect(await refusal(new TokenValidator({ issuer: nowhere, audience: 'nexidentity.api' }).validate(userToken))).toBe('discovery_failed');
    expect(await refusal(new TokenValidator({ issuer: `${nexinid.baseUrl}/other`, audience: 'nexidentity.api' }).validate(userToken))).toBe('discovery_failed');
    const source = new ClientCredentialsTokenSource({ issuer: nowhere, ...automation });
    await expect(source.getToken()).rejects.toBeInstanceOf(NexinIdUnavailableError);
  });
});
