import { Controller, Get, Module } from '@nestjs/common';
import { Authenticated, CurrentPrincipal, type Principal } from '#platform';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { provisionClient, clientToken } from '../support/publishers.js';
import { createApplication, registerTenant, signInAdmin } from '../support/tenants.js';

@Authenticated('nexidentity.api')
@Controller('test')
class WhoAmIController {
  @Get('whoami')
  whoami(@CurrentPrincipal() principal: Principal) {
    return { clientId: principal.clientId, tenantId: principal.tenantId };
  }
}

@Module({ controllers: [WhoAmIController] })
class WhoAmIModule {}

/** The REST bearer guard under concurrency: every request is answered with its own token's principal. */
describe('bearer guard (e2e)', () => {
  let nexinid: TestNexinId;

  beforeAll(async () => {
    nexinid = await startNexinId({ extraModules: [WhoAmIModule], env: { NEXINID_REGISTRATION_RATE_LIMIT: '1000' } });
  });
  afterAll(() => nexinid?.close());

  it('never hands one request’s principal to another, with fresh (unverified) tokens of two tenants at once', async () => {
    const services = await Promise.all(
      [0, 1].map(async () => {
        const tenant = await registerTenant(nexinid);
        const adminToken = (await signInAdmin(nexinid, tenant)).accessToken;
        const application = await createApplication(nexinid, adminToken, tenant.organizationId);
        return { tenantId: tenant.tenantId, client: await provisionClient(nexinid, adminToken, application.id, 'Automation') };
      }),
    );
    // Twenty distinct tokens, none verified yet, so every guard runs a signature check concurrently.
    const calls = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const service = services[i % 2];
        return { service, token: await clientToken(nexinid, service.client, 'nexidentity.api') };
      }),
    );
    const answers = await Promise.all(
      calls.map(async ({ service, token }) => {
        const response = await fetch(`${nexinid.baseUrl}/test/whoami`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
        return { expected: { clientId: service.client.clientId, tenantId: service.tenantId }, status: response.status, body: await response.json() };
      }),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(answer.expected);
    }
  });

  it('reads the scheme name in any case, and answers a wrong scheme or an empty token with invalid_token', async () => {
    const tenant = await registerTenant(nexinid);
    const token = (await signInAdmin(nexinid, tenant)).accessToken;
    const call = (authorization: string) => fetch(`${nexinid.baseUrl}/test/whoami`, { headers: { authorization } });
    for (const scheme of ['bearer', 'BEARER']) {
      const response = await call(`${scheme} ${token}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ tenantId: tenant.tenantId });
    }
    for (const header of [`Basic ${token}`, 'Bearer', `Bearer ${token}!`]) {
      const response = await call(header);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
