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

async function measure(base, setup, { passwordFlow }) {
  const figures = { clientCredentials: skipped, codeFlow: skipped, refresh: skipped, passwordSignIn: skipped };
  if (only.has('cc')) figures.clientCredentials = await hammer({
    url: `${base}/connect/token`,
    method: 'POST',
    headers: { authorization: basic(setup.cc.id, setup.cc.secret), 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=nexidentity.api',
  });
  await codeFlow(setup.browser, setup.flow);
  if (only.has('flow')) figures.codeFlow = await timedLoops(() => codeFlow(setup.browser, setup.flow));
  if (!only.has('refresh')) return figures;
  const chains = await Promise.all(Array.from({ length: CONNECTIONS }, () => codeFlow(setup.browser, setup.flow).then((t) => t.refresh_token)));
  figures.refresh = await timedLoops(async (worker) => {
    const response = await fetch(`${base}/connect/token`, form({ grant_type: 'refresh_token', refresh_token: chains[worker], client_id: setup.flow.clientId }));
    const body = await response.json();
    if (!response.ok) throw new Error(body.error);
    chains[worker] = body.refresh_token;
  });
  if (passwordFlow && only.has('password')) figures.passwordSignIn = await timedLoops(() => codeFlow(new Browser(base), setup.flow));
  return figures;
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
const profile = process.env.NEXINID_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.NEXINID_BENCH_PROFILE}`] : [];
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
  const bareFigures = await measure(bare.base, setUpBare(bare.base), { passwordFlow: false });
  const oursFigures = await measure(ours.base, oursSetup, { passwordFlow: true });
  const open = only.has('guard') ? await hammer({ url: `${ours.base}/bench/open` }) : skipped;
  const guarded = only.has('guard') ? await hammer({ url: `${ours.base}/bench/guarded`, headers: { authorization: `Bearer ${oursSetup.token}` } }) : skipped;
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const idleRss = rssMb(ours.child.pid);

  console.log(`\nNexinID benchmark: Node ${process.version}, ${database ? 'PostgreSQL' : 'embedded PGlite'}, ${CONNECTIONS} connections, ${SECONDS} s per scenario\n`);
  console.table([
    row('client_credentials (JWT)', oursFigures.clientCredentials, bareFigures.clientCredentials, '>= 0.9x bare, >= 1500/s, p99 <= 40 ms'),
    row('refresh_token (rotation)', oursFigures.refresh, bareFigures.refresh, '>= 0.5x bare, p99 <= 50 ms (PostgreSQL)'),
    row('code + PKCE flow (session, no password)', oursFigures.codeFlow, bareFigures.codeFlow, '>= 0.8x bare'),
    row('password sign-in flow (argon2id)', oursFigures.passwordSignIn, undefined, '>= 25/s'),
    row('GET with bearer guard vs without', guarded, open, '>= 0.7x'),
  ]);
  console.log(`RSS: ${startupRss} MB after start-up, ${idleRss} MB idle after the load (target < 250 MB)`);
} finally {
  await Promise.all([bare.stop(), ours.stop()]);
  rmSync(dataDir, { recursive: true, force: true });
  await db.drop();
}
