import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { api, createApplication, registerTenant, type RegisteredTenant } from '../support/tenants.js';

const scripts = fileURLToPath(new URL('../../scripts/', import.meta.url));

/** Runs one of the README's scripts as a newcomer does: a separate Node process talking HTTP to the server. */
function run(script: string, args: string[], password?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, NEXINID_PASSWORD: password ?? '' };
    execFile(process.execPath, [`${scripts}${script}`, ...args], { env, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the README walkthrough scripts (e2e)', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;

  beforeAll(async () => {
    nexinid = await startNexinId();
    tenant = await registerTenant(nexinid);
  });
  afterAll(() => nexinid?.close());

  const signIn = (password: string, ...extra: string[]) => run('sign-in.mjs', ['--issuer', nexinid.baseUrl, '--email', tenant.email, ...extra], password);
  const verify = (token: string, ...extra: string[]) => run('verify-token.mjs', ['--issuer', nexinid.baseUrl, '--token', token, ...extra]);

  it('signs in with the console client and validates the token through discovery and JWKS', async () => {
    const signedIn = await signIn(tenant.password);
    expect(signedIn).toMatchObject({ code: 0, stderr: '' });
    const token = signedIn.stdout.trim();
    const verified = await verify(token);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({
      valid: true,
      claims: { iss: nexinid.baseUrl, aud: 'nexidentity.api', client_id: 'nexinid-console', tenant_id: tenant.tenantId, organization_id: tenant.organizationId, membership_id: tenant.membershipId },
    });

    const [header, payload] = token.split('.');
    const tampered = `${header}.${payload}.${Buffer.alloc(64, 1).toString('base64url')}`;
    expect(await verify(tampered)).toMatchObject({ code: 1, stderr: expect.stringContaining('ERR_JWS_SIGNATURE_VERIFICATION_FAILED') });
    expect(await verify(token, '--scope', 'nexidentity.runtime_authorization')).toMatchObject({ code: 1, stderr: 'invalid: the token lacks the scope nexidentity.runtime_authorization\n' });
    expect(await verify(token, '--audience', 'someone-else')).toMatchObject({ code: 1, stderr: expect.stringContaining('ERR_JWT_CLAIM_VALIDATION_FAILED') });
  });

  it("signs in with the tenant's own InteractiveWeb client, without loading its redirect URI", async () => {
    const admin = (await signIn(tenant.password)).stdout.trim();
    const application = await createApplication(nexinid, admin, tenant.organizationId);
    const redirectUri = 'https://orders.acme.example/callback';
    const web = await api(nexinid, admin).post(`/api/applications/${application.id}/clients`, { type: 'InteractiveWeb', name: 'Orders web', redirectUris: [redirectUri] });
    expect(web.status).toBe(201);

    const signedIn = await signIn(tenant.password, '--client-id', web.body.clientId, '--redirect-uri', redirectUri, '--json');
    expect(signedIn.code).toBe(0);
    const tokens = JSON.parse(signedIn.stdout) as Record<string, string>;
    expect(tokens).toMatchObject({ token_type: 'Bearer', id_token: expect.any(String) });
    const verified = JSON.parse((await verify(tokens.access_token)).stdout);
    expect(verified.claims).toMatchObject({ client_id: web.body.clientId, tenant_id: tenant.tenantId });

    expect(await signIn(tenant.password, '--client-id', web.body.clientId, '--redirect-uri', 'https://evil.example/callback')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('authorization refused'),
    });
    expect(await signIn(tenant.password, '--client-id', web.body.clientId)).toMatchObject({ code: 2, stderr: expect.stringContaining('usage:') });
  });

  it('says why a sign-in failed', async () => {
    expect(await signIn('not the password')).toMatchObject({ code: 1, stdout: '', stderr: 'sign-in failed (HTTP 401): check the email and password\n' });
    expect(await signIn('')).toMatchObject({ code: 2, stderr: expect.stringContaining('usage:') });
  });
});
