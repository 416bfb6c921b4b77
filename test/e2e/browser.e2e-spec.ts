import { type Browser, chromium, type Page } from 'playwright-core';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { registerTenant, type RegisteredTenant } from '../support/tenants.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function fillLogin(page: Page, tenant: RegisteredTenant): Promise<void> {
  await page.waitForSelector('input[name="email"]');
  await page.fill('input[name="email"]', tenant.email);
  await page.fill('input[name="password"]', tenant.password);
  await page.click('button[type="submit"]');
}

/** A real browser (Debian's chromium) through the hosted login and Swagger UI's Authorize. */
describe('hosted sign-in in a real browser (e2e)', () => {
  let nexinid: TestNexinId;
  let browser: Browser;
  let tenant: RegisteredTenant;

  beforeAll(async () => {
    nexinid = await startNexinId();
    tenant = await registerTenant(nexinid);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
    await nexinid?.close();
  });

  function authorizationQuery(extra: Record<string, string> = {}): Record<string, string> {
    return {
      client_id: 'nexinid-console',
      response_type: 'code',
      redirect_uri: `${nexinid.baseUrl}/docs/oauth2-redirect.html`,
      scope: 'openid profile',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      state: 'browser-test',
      ...extra,
    };
  }

  /** Where the browser lands on the console's redirect page. */
  async function landedCallback(page: Page): Promise<URL> {
    await page.waitForURL((url) => url.pathname === '/docs/oauth2-redirect.html');
    return new URL(page.url());
  }

  it('signs in through the hosted login page and lands on the redirect URI with a code', async () => {
    const page = await browser.newPage();
    await page.goto(`${nexinid.baseUrl}/connect/authorize?${new URLSearchParams(authorizationQuery())}`);
    expect(await page.title()).toContain('Sign in');
    await page.fill('input[name="email"]', tenant.email);
    await page.fill('input[name="password"]', 'not the password');
    await page.click('button[type="submit"]');
    expect(await page.textContent('[role="alert"]')).toContain('not correct');
    await fillLogin(page, tenant);
    const landed = await landedCallback(page);
    expect(landed.searchParams.get('state')).toBe('browser-test');
    expect(landed.searchParams.get('code')).toBeTruthy();
    await page.close();
  });

  it("keeps the signed-in session through another site's form post to the authorization endpoint (its cookie is SameSite=Lax)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${nexinid.baseUrl}/connect/authorize?${new URLSearchParams(authorizationQuery())}`);
    await fillLogin(page, tenant);
    await landedCallback(page);

    const inputs = Object.entries(authorizationQuery({ prompt: 'none', state: 'posted' }))
      .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
      .join('');
    await context.route('http://relying-party.example/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<form method="post" action="${nexinid.baseUrl}/connect/authorize">${inputs}</form><script>document.forms[0].submit()</script>` }),
    );
    await page.goto('http://relying-party.example/sign-in');
    const landed = await landedCallback(page);
    expect(landed.searchParams.get('error')).toBeNull();
    expect(landed.searchParams.get('state')).toBe('posted');
    expect(landed.searchParams.get('code')).toBeTruthy();
    await context.close();
  });

  it("signs in with Swagger UI's Authorize and calls the admin API from /docs", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${nexinid.baseUrl}/docs`);
    await page.click('button.authorize');
    const oauthSection = page.locator('.auth-container', { hasText: 'authorizationCode' });
    await oauthSection.locator('button.authorize').waitFor();
    const [popup] = await Promise.all([context.waitForEvent('page'), oauthSection.locator('button.authorize').click()]);
    // Listen before signing in: the redirect page can close the popup before the click has returned.
    const closed = popup.waitForEvent('close', { timeout: 30_000 });
    await fillLogin(popup, tenant);
    await closed;
    await oauthSection.locator('button', { hasText: 'Logout' }).waitFor({ timeout: 30_000 });
    expect(await oauthSection.textContent()).toContain('Authorized');
    await page.locator('.modal-ux button', { hasText: 'Close' }).first().click();

    // Who am I: the organization id the organization routes take.
    const me = page.locator('#operations-Me-Me_get');
    await me.locator('.opblock-summary').click();
    await me.locator('button.try-out__btn').click();
    await me.locator('button.execute').click();
    const answer = me.locator('.live-responses-table .response-col_description pre').first();
    await answer.waitFor();
    const caller = JSON.parse((await answer.textContent()) ?? '{}') as { organizationId?: string };
    expect(caller.organizationId).toBe(tenant.organizationId);

    const operation = page.locator('#operations-Applications-Applications_list');
    await operation.locator('.opblock-summary').click();
    await operation.locator('button.try-out__btn').click();
    await operation.locator('input[placeholder="orgId"]').fill(caller.organizationId!);
    await operation.locator('button.execute').click();
    const status = operation.locator('.live-responses-table tbody .response-col_status').first();
    await status.waitFor();
    expect((await status.textContent())?.trim()).toBe('200');
    await context.close();
  });
});
