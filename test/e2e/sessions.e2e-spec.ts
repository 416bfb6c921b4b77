import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { authorize, CONSOLE_CLIENT_ID, CONSOLE_SCOPE, pkcePair } from '../support/sign-in.js';
import { registerTenant, type RegisteredTenant } from '../support/tenants.js';

/** A signed-in session slides its expiry without a database write on every request that uses it. */
describe('hosted sessions (e2e)', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;

  beforeAll(async () => {
    nexinid = await startNexinId();
    tenant = await registerTenant(nexinid);
  });
  afterAll(() => nexinid?.close());

  const sessions = async (): Promise<Array<{ id: string; expires_at: Date }>> =>
    nexinid.app.get(DataSource).query(`SELECT id, expires_at FROM identity.oidc_payloads WHERE model = 'Session'`);

  it('rewrites a session only when more than its expiry changed, or when its stored expiry lags by minutes', async () => {
    const signedIn = await authorize(nexinid, { email: tenant.email, password: tenant.password, organizationId: tenant.organizationId });
    const [session] = await sessions();
    expect(await sessions()).toHaveLength(1);

    // The signed-in browser authorizes again: a code at once, and the session row as it was.
    const again = async () => {
      const { challenge, verifier } = pkcePair();
      const query = new URLSearchParams({
        client_id: CONSOLE_CLIENT_ID,
        response_type: 'code',
        redirect_uri: signedIn.redirectUri,
        scope: CONSOLE_SCOPE,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state: randomBytes(8).toString('hex'),
      });
      const step = await signedIn.browser.follow(await signedIn.browser.get(`/connect/authorize?${query}`));
      const code = step.leftTo?.searchParams.get('code');
      expect(code).toEqual(expect.any(String));
      const token = await fetch(`${nexinid.baseUrl}/connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code: code!, redirect_uri: signedIn.redirectUri, client_id: CONSOLE_CLIENT_ID, code_verifier: verifier }),
      });
      expect(token.status).toBe(200);
    };
    await again();
    expect(await sessions()).toEqual([session]);

    // A stored expiry ten minutes behind what a save would set is slid forward.
    const lagging = new Date(session.expires_at.getTime() - 10 * 60_000);
    await nexinid.app.get(DataSource).query(`UPDATE identity.oidc_payloads SET expires_at = $2 WHERE model = 'Session' AND id = $1`, [session.id, lagging]);
    await again();
    const [slid] = await sessions();
    expect(slid.id).toBe(session.id);
    expect(slid.expires_at.getTime()).toBeGreaterThanOrEqual(session.expires_at.getTime());
  });

  it('recognises a session only by its signed cookie: a forged signature or a swapped session id signs nobody in', async () => {
    const signedIn = await authorize(nexinid, { email: tenant.email, password: tenant.password, organizationId: tenant.organizationId });
    const silently = async () => {
      const query = new URLSearchParams({
        client_id: CONSOLE_CLIENT_ID,
        response_type: 'code',
        redirect_uri: signedIn.redirectUri,
        scope: CONSOLE_SCOPE,
        code_challenge: pkcePair().challenge,
        code_challenge_method: 'S256',
        prompt: 'none',
      });
      const { leftTo } = await signedIn.browser.follow(await signedIn.browser.get(`/connect/authorize?${query}`));
      return leftTo?.searchParams.get('code') ? 'code' : leftTo?.searchParams.get('error');
    };
    const { browser } = signedIn;
    const [session, signature] = [browser.cookie('_session')!, browser.cookie('_session.sig')!];
    expect(await silently()).toBe('code');

    browser.setCookie('_session.sig', `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`);
    expect(await silently()).toBe('login_required');

    browser.setCookie('_session', `${session.slice(0, -2)}${session.endsWith('AA') ? 'BB' : 'AA'}`);
    browser.setCookie('_session.sig', signature);
    expect(await silently()).toBe('login_required');
  });
});
