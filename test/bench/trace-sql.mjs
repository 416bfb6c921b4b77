// `node_modules/.bin/node test/bench/trace-sql.mjs` (after `npm run build`): prints the HTTP requests and SQL
// statements of one password sign-in flow, one signed-in code flow and two refreshes, on a fresh database on
// NEXINID_BENCH_DATABASE_URL's server.
import 'reflect-metadata';
import pg from 'pg';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const root = new URL('../..', import.meta.url).pathname;
const { createNexinId } = await import(`${root}/dist/apps/api/src/bootstrap.js`);
const { loadConfig } = await import(`${root}/dist/libs/platform/src/index.js`);
const { Browser, codeFlow, form, freePort } = await import(`${root}/test/bench/harness.mjs`);
let log = null;
let statements = 0;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, cb) {
  const parameters = Array.isArray(values) ? values : config?.values;
  if (log) {
    statements += 1;
    log.push(`  [${parameters?.[0] ?? ""}] ` + (typeof config === "string" ? config : config.text).replace(/\s+/g, " ").slice(0, Number(process.env.W ?? 110)));
  }
  return original.call(this, config, values, cb);
};
const request = Browser.prototype.request;
Browser.prototype.request = function (url, init = {}) {
  log?.push(`${init.method ?? 'GET'} ${new URL(url, this.base).pathname}`);
  return request.call(this, url, init);
};
const fetchAsIs = globalThis.fetch;
globalThis.fetch = function (url, init = {}) {
  if (String(url).endsWith('/connect/token')) log?.push('POST /connect/token');
  return fetchAsIs(url, init);
};
const start = () => {
  log = [];
  statements = 0;
};
const report = (title) => {
  console.log(`--- ${title}: ${log.filter((line) => !line.startsWith('  ')).length} requests, ${statements} statements`);
  console.log(log.join('\n'));
  log = null;
};
const name = `nexinid_trace_${Date.now()}`;
const server = process.env.NEXINID_BENCH_DATABASE_URL ?? 'postgres://nexinid@127.0.0.1:55432/postgres';
const admin = new pg.Client({ connectionString: server });
await admin.connect(); await admin.query(`CREATE DATABASE ${name}`);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const config = loadConfig({ NODE_ENV: 'development', NEXINID_LOG_LEVEL: 'warn', NEXINID_DATA_DIR: mkdtempSync(join(tmpdir(), 'tr-')), NEXINID_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'), DATABASE_URL: Object.assign(new URL(server), { pathname: `/${name}` }).toString(), PORT: String(port), NEXINID_ISSUER: base, NEXINID_REGISTRATION_RATE_LIMIT: '1000' });
const nexinid = await createNexinId(config);
await nexinid.listen(port, '127.0.0.1');
try {
  const PASSWORD = 'correct horse battery staple';
  const r = await fetch(`${base}/api/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slug: 'bench', displayName: 'Bench', plan: 'Enterprise', organizationName: 'Bench HQ', administrator: { email: 'bench@example.com', password: PASSWORD, name: 'Bench' } }) });
  if (!r.ok) throw new Error(await r.text());
  const flow = { clientId: 'nexinid-console', redirectUri: `${base}/docs/oauth2-redirect.html`, scope: 'openid profile email tenant_context nexidentity.api', email: 'bench@example.com', password: PASSWORD };
  await codeFlow(new Browser(base), flow); // warms the caches a first request fills
  await new Promise((res) => setTimeout(res, 300));
  const browser = new Browser(base);
  start();
  let tokens = await codeFlow(browser, flow);
  report('password sign-in flow');
  await codeFlow(browser, flow);
  await new Promise((res) => setTimeout(res, 300));
  start();
  tokens = await codeFlow(browser, flow);
  report('signed-in code flow');
  for (let i = 0; i < 2; i++) {
    start();
    const response = await fetch(`${base}/connect/token`, form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: flow.clientId }));
    const body = await response.json();
    if (!response.ok) throw new Error(JSON.stringify(body));
    tokens = body;
    report('refresh');
  }
} finally {
  log = null;
  await nexinid.close();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`); await admin.end();
}
