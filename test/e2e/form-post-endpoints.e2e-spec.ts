import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { CONSOLE_CLIENT_ID, CONSOLE_SCOPE, formPost, pkcePair, signIn } from '../support/sign-in.js';
import { registerTenant, type RegisteredTenant } from '../support/tenants.js';

/** OIDC Core 3.1.2.1 and RP-Initiated Logout 2: the authorization and logout endpoints take POST as well as GET. */
describe('form posts to the authorization and logout endpoints (e2e)', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;

  beforeAll(async () => {
    nexinid = await startNexinId();
    tenant = await registerTenant(nexinid);
  });
  afterAll(() => nexinid?.close());

  const redirectUri = () => `${nexinid.baseUrl}/docs/oauth2-redirect.html`;

  function authorizationFields(challenge: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
      client_id: CONSOLE_CLIENT_ID,
      response_type: 'code',
      redirect_uri: redirectUri(),
      scope: CONSOLE_SCOPE,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'posted state',
      ...extra,
    };
  }

  it('answers a posted authorization request with a 303 to the same request as a GET, which signs a signed-in user straight in', async () => {
    const session = await signIn(nexinid, { email: tenant.email, password: tenant.password });
    const { verifier, challenge } = pkcePair();
    const fields = authorizationFields(challenge, { prompt: 'none' });

    const posted = await session.browser.request('/connect/authorize', formPost(fields));
    expect(posted.status).toBe(303);
    expect(posted.headers.get('cache-control')).toBe('no-store');
    const location = new URL(posted.headers.get('location')!, nexinid.baseUrl);
    expect(location.pathname).toBe('/connect/authorize');
    expect(Object.fromEntries(location.searchParams)).toEqual(fields);

    const { leftTo } = await session.browser.follow(await session.browser.get(location.toString()));
    expect(leftTo?.searchParams.get('state')).toBe('posted state');
    const code = leftTo?.searchParams.get('code');
    expect(code).toBeTruthy();
    const token = await fetch(
      `${nexinid.baseUrl}/connect/token`,
      formPost({ grant_type: 'authorization_code', code: code!, redirect_uri: redirectUri(), client_id: CONSOLE_CLIENT_ID, code_verifier: verifier }),
    );
    expect(token.status).toBe(200);
  });

  it('keeps parameters of the URL and refuses one given in both the URL and the form', async () => {
    const { challenge } = pkcePair();
    const { state, ...rest } = authorizationFields(challenge);
    const posted = await fetch(`${nexinid.baseUrl}/connect/authorize?state=${encodeURIComponent(state)}`, { ...formPost(rest), redirect: 'manual' });
    expect(posted.status).toBe(303);
    expect(new URL(posted.headers.get('location')!, nexinid.baseUrl).searchParams.get('state')).toBe(state);

    const twice = await fetch(`${nexinid.baseUrl}/connect/authorize?client_id=${CONSOLE_CLIENT_ID}`, { ...formPost(rest), redirect: 'manual' });
    const followed = await fetch(new URL(twice.headers.get('location')!, nexinid.baseUrl), { redirect: 'manual' });
    expect(followed.status).toBe(400);
    expect(await followed.text()).toContain('client_id');
  });

  it('refuses a body that is not a form, a form past 8 KB and a form holding NUL', async () => {
    const { challenge } = pkcePair();
    const json = await fetch(`${nexinid.baseUrl}/connect/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(authorizationFields(challenge)),
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toEqual({ error: 'invalid_request', error_description: 'the body must be application/x-www-form-urlencoded' });

    const huge = await fetch(`${nexinid.baseUrl}/connect/authorize`, formPost(authorizationFields(challenge, { nonce: 'n'.repeat(9000) })));
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as { error_description: string }).error_description).toContain('larger than 8192 bytes');

    const nul = await fetch(`${nexinid.baseUrl}/connect/authorize`, { ...formPost(authorizationFields(challenge, { state: 'a\u0000b' })), redirect: 'manual' });
    expect(nul.status).toBe(303);
    const refused = await fetch(new URL(nul.headers.get('location')!, nexinid.baseUrl), { redirect: 'manual' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('takes a posted logout request through the same confirmation, and the session ends', async () => {
    const session = await signIn(nexinid, { email: tenant.email, password: tenant.password });
    const posted = await session.browser.request('/connect/endsession', formPost({ client_id: CONSOLE_CLIENT_ID, post_logout_redirect_uri: `${nexinid.baseUrl}/docs` }));
    expect(posted.status).toBe(303);
    const confirmation = await session.browser.get(new URL(posted.headers.get('location')!, nexinid.baseUrl).toString());
    expect(confirmation.status).toBe(200);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(await confirmation.text())![1];
    const confirmed = await session.browser.postForm('/connect/endsession/confirm', { xsrf, logout: 'yes' });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`${nexinid.baseUrl}/docs`);

    const { challenge } = pkcePair();
    const again = await session.browser.request('/connect/authorize', formPost(authorizationFields(challenge, { prompt: 'none' })));
    const { leftTo } = await session.browser.follow(again);
    expect(leftTo?.searchParams.get('error')).toBe('login_required');
  });
});
