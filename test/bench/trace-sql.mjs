// `node_modules/.bin/node test/bench/trace-sql.mjs` (after `npm run build`): prints the SQL statements of one
// signed-in code flow and two refreshes, on a fresh database on NEXINID_BENCH_DATABASE_URL's server.
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
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, cb) {
  const parameters = Array.isArray(values) ? values : config?.values;
  if (log) log.push(`[${parameters?.[0] ?? ""}] ` + (typeof config === "string" ? config : config.text).replace(/\s+/g, " ").slice(0, Number(process.env.W ?? 110)));
  return original.call(this, config, values, cb);
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
  const browser = new Browser(base);
  let tokens = await codeFlow(browser, flow);
  await codeFlow(browser, flow);
  await new Promise((res) => setTimeout(res, 300));
  log = [];
  tokens = await codeFlow(browser, flow);
  console.log(`--- signed-in code flow: ${log.length} statements`); console.log(log.join('\n'));
  for (let i = 0; i < 2; i++) {
    log = [];
    const response = await fetch(`${base}/connect/token`, form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: flow.clientId }));
    const body = await response.json();
    if (!response.ok) throw new Error(JSON.stringify(body));
    tokens = body;
    console.log(`--- refresh: ${log.length} statements`); console.log(log.join('\n'));
  }
} finally {
  log = null;
  await nexinid.close();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`); await admin.end();
}
