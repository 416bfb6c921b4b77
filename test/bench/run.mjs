// `npm run bench`: NexinID against a bare oidc-provider with the same token
// settings, on 127.0.0.1, 20 keep-alive connections. Prints figures, ratios and
// targets (issue "Platform foundation", section 7). Record results in docs/performance.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { Browser, codeFlow, form, loops, rssMb, startServer } from './harness.mjs';

const CONNECTIONS = 20;
const SECONDS = Number(process.env.NEXINID_BENCH_SECONDS ?? 8);
const WARMUP = 2;
const PASSWORD = 'correct horse battery staple';
const here = new URL('.', import.meta.url).pathname;

function cannon(options) {
  return new Promise((resolve, reject) =>
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) => (error ? reject(error) : resolve(result))),
  );
}

async function hammer(options) {
  await cannon({ ...options, duration: WARMUP });
  const result = await cannon(options);
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures > 0 && process.env.NEXINID_BENCH_DEBUG) console.log(options.url, result.statusCodeStats, result.errors, result.timeouts);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: failures };
}

async function timedLoops(iteration) {
  await loops(CONNECTIONS, WARMUP, iteration);
  return loops(CONNECTIONS, SECONDS, iteration);
}

const basic = (id, secret) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

async function json(base, path, init) {
  const response = await fetch(`${base}${path}`, init);
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** Tenant, admin session, application and an Automation client on our server. */
async function setUpOurs(base) {
  const tenant = await json(base, '/api/tenants', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      slug: 'bench',
      displayName: 'Bench',
      plan: 'Enterprise',
      organizationName: 'Bench HQ',
      administrator: { email: 'bench@example.com', password: PASSWORD, name: 'Bench' },
    }),
  });
  const browser = new Browser(base);
  const console = { clientId: 'nexinid-console', redirectUri: `${base}/docs/oauth2-redirect.html`, scope: 'openid profile email tenant_context nexidentity.api', email: 'bench@example.com', password: PASSWORD };
  const { access_token: token } = await codeFlow(browser, console);
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const app = await json(base, `/api/organizations/${tenant.organizationId}/applications`, { method: 'POST', headers: auth, body: JSON.stringify({ key: 'bench', name: 'Bench', externalConsumptionPolicy: 'none' }) });
  const client = await json(base, `/api/applications/${app.id}/clients`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'Automation', name: 'Bench job' }) });
  return { token, browser, flow: console, cc: { id: client.clientId, secret: client.clientSecret } };
}

function setUpBare(base) {
  return {
    browser: new Browser(base),
    flow: { clientId: 'web', redirectUri: 'https://rp.example/cb', scope: 'openid offline_access profile email nexidentity.api' },
    cc: { id: 'cc', secret: 'nxs_bench_secret_0123456789abcdefghijklmnopqrstu' },
  };
}

/** NEXINID_BENCH_ONLY=cc,refresh,flow,password,guard runs a subset (for profiling). */
const only = new Set((process.env.NEXINID_BENCH_ONLY ?? 'cc,refresh,flow,password,guard').split(','));
const skipped = { rps: NaN, p50: NaN, p99: NaN, errors: 0 };

const SCENARIOS = {
  cc: (base, setup) =>
    hammer({
      url: `${base}/connect/token`,
      method: 'POST',
      headers: { authorization: basic(setup.cc.id, setup.cc.secret), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=nexidentity.api',
    }),
  flow: async (_base, setup) => {
    await codeFlow(setup.browser, setup.flow);
    return timedLoops(() => codeFlow(setup.browser, setup.flow));
  },
  refresh: async (base, setup) => {
    const chains = await Promise.all(Array.from({ length: CONNECTIONS }, () => codeFlow(setup.browser, setup.flow).then((t) => t.refresh_token)));
    return timedLoops(async (worker) => {
      const response = await fetch(`${base}/connect/token`, form({ grant_type: 'refresh_token', refresh_token: chains[worker], client_id: setup.flow.clientId }));
      const body = await response.json();
      if (!response.ok) throw new Error(body.error);
      chains[worker] = body.refresh_token;
    });
  },
};

const mean = (a, b) => ({ rps: (a.rps + b.rps) / 2, p50: (a.p50 + b.p50) / 2, p99: Math.max(a.p99, b.p99), errors: a.errors + b.errors });

/** Runs a scenario bare, ours, ours, bare (ABBA) so neither side profits from going first. */
async function compare(name, bare, ours) {
  if (!only.has(name)) return { ours: skipped, bare: skipped };
  const b1 = await SCENARIOS[name](bare.base, bare.setup);
  const o1 = await SCENARIOS[name](ours.base, ours.setup);
  const o2 = await SCENARIOS[name](ours.base, ours.setup);
  const b2 = await SCENARIOS[name](bare.base, bare.setup);
  return { ours: mean(o1, o2), bare: mean(b1, b2) };
}

const row = (name, ours, bare, target) => {
  const ratio = bare ? ours.rps / bare.rps : undefined;
  return { scenario: name, 'ours req/s': Math.round(ours.rps), 'ours p99 ms': Math.round(ours.p99 * 10) / 10, 'bare req/s': bare ? Math.round(bare.rps) : '', ratio: ratio ? ratio.toFixed(2) : '', errors: ours.errors + (bare?.errors ?? 0), target };
};

const dataDir = mkdtempSync(join(tmpdir(), 'nexinid-bench-'));
/** A fresh database on the PostgreSQL server named by NEXINID_BENCH_DATABASE_URL, dropped at the end. */
async function benchDatabase(serverUrl) {
  if (!serverUrl) return { url: undefined, drop: async () => undefined };
  const name = `nexinid_bench_${Date.now()}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const db = await benchDatabase(process.env.NEXINID_BENCH_DATABASE_URL);
const database = db.url;
const bare = await startServer(join(here, 'bare-provider.mjs'), {});
const profile = ['--expose-gc', ...(process.env.NEXINID_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.NEXINID_BENCH_PROFILE}`] : [])];
const ours = await startServer(join(here, 'ours-server.mjs'), {
  NODE_ENV: 'development',
  NEXINID_LOG_LEVEL: 'warn',
  NEXINID_DATA_DIR: dataDir,
  NEXINID_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  NEXINID_REGISTRATION_RATE_LIMIT: '1000000',
  ...(database ? { DATABASE_URL: database } : {}),
}, profile);
try {
  const startupRss = rssMb(ours.child.pid);
  const oursSetup = await setUpOurs(ours.base);
  const sides = { bare: { base: bare.base, setup: setUpBare(bare.base) }, ours: { base: ours.base, setup: oursSetup } };
  const cc = await compare('cc', sides.bare, sides.ours);
  const flow = await compare('flow', sides.bare, sides.ours);
  const refresh = await compare('refresh', sides.bare, sides.ours);
  const password = only.has('password') ? await timedLoops(() => codeFlow(new Browser(ours.base), oursSetup.flow)) : skipped;
  const guardedGet = () => hammer({ url: `${ours.base}/bench/guarded`, headers: { authorization: `Bearer ${oursSetup.token}` } });
  const openGet = () => hammer({ url: `${ours.base}/bench/open` });
  const [open, guarded] = only.has('guard') ? await (async () => { const o1 = await openGet(); const g1 = await guardedGet(); const g2 = await guardedGet(); const o2 = await openGet(); return [mean(o1, o2), mean(g1, g2)]; })() : [skipped, skipped];
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await fetch(`${ours.base}/bench/gc`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idleRss = rssMb(ours.child.pid);
  const bareRss = rssMb(bare.child.pid);
  const metrics = await (await fetch(`${ours.base}/metrics`)).text();
  const gauge = (name) => Math.round(Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(metrics)?.[1] ?? NaN) / 1048576);

  console.log(`\nNexinID benchmark: Node ${process.version}, ${database ? 'PostgreSQL' : 'embedded PGlite'}, ${CONNECTIONS} connections, ${SECONDS} s per scenario\n`);
  console.table([
    row('client_credentials (JWT)', cc.ours, cc.bare, '>= 0.9x bare, >= 1500/s, p99 <= 40 ms'),
    row('refresh_token (rotation)', refresh.ours, refresh.bare, '>= 0.5x bare, p99 <= 50 ms (PostgreSQL)'),
    row('code + PKCE flow (session, no password)', flow.ours, flow.bare, '>= 0.8x bare'),
    row('password sign-in flow (argon2id)', password, undefined, '>= 25/s'),
    row('GET with bearer guard vs without', guarded, open, '>= 0.7x'),
  ]);
  console.log(`RSS: ${startupRss} MB after start-up, ${idleRss} MB idle after the load and a full GC (target < 250 MB);`);
  console.log(`The bare provider, for comparison: ${bareRss} MB after the same load.`);
  console.log(`V8 heap after the load: ${gauge('nodejs_heap_size_used_bytes')} MB used of ${gauge('nodejs_heap_size_total_bytes')} MB, external ${gauge('nodejs_external_memory_bytes')} MB`);
} finally {
  await Promise.all([bare.stop(), ours.stop()]);
  rmSync(dataDir, { recursive: true, force: true });
  await db.drop();
}
