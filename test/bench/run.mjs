// `npm run bench`: NexinID against a bare oidc-provider with the same token
// settings, on 127.0.0.1, 20 keep-alive connections. Prints figures, ratios and
// targets (issue "Platform foundation", section 7). Record results in docs/performance.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { benchDatabase, Browser, codeFlow, cpuMs, form, loops, machineTicks, postgresCpuMs, residentBreakdown, rssMb, SERVER_FLAGS, startServer } from './harness.mjs';

if (!process.version.startsWith('v24.')) console.warn(`Running on Node ${process.version}: use \`npm run bench\` (Node 24 from node_modules/.bin).`);

const CONNECTIONS = 20;
const SECONDS = Number(process.env.NEXINID_BENCH_SECONDS ?? 8);
const WARMUP = 2;
/** Longer than NexinID's idle-trim period (10 s) plus its 1 s tick. */
const IDLE_WAIT_SECONDS = 13;
const PASSWORD = 'correct horse battery staple';
const here = new URL('.', import.meta.url).pathname;

function cannon(options) {
  return new Promise((resolve, reject) =>
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) => (error ? reject(error) : resolve(result))),
  );
}

/** `total` counts the warm-up's requests too (CPU per request is measured over both). */
async function hammer(options) {
  const warmup = await cannon({ ...options, duration: WARMUP });
  const result = await cannon(options);
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures > 0 && process.env.NEXINID_BENCH_DEBUG) console.log(options.url, result.statusCodeStats, result.errors, result.timeouts);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: failures, total: warmup.requests.total + result.requests.total };
}

async function timedLoops(iteration) {
  const warmup = await loops(CONNECTIONS, WARMUP, iteration);
  const result = await loops(CONNECTIONS, SECONDS, iteration);
  return { ...result, total: warmup.count + result.count };
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
  const console = { clientId: 'nexinid-console', redirectUri: `${base}/docs/oauth2-redirect.html`, scope: 'openid profile email tenant_context nexidentity.api', email: 'bench@example.com', password: PASSWORD };
  // One signed-in browser per connection: 20 users' sessions (and grants), not one shared.
  const browsers = Array.from({ length: CONNECTIONS }, () => new Browser(base));
  const [{ access_token: token }] = await Promise.all(browsers.map((browser) => codeFlow(browser, console)));
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const app = await json(base, `/api/organizations/${tenant.organizationId}/applications`, { method: 'POST', headers: auth, body: JSON.stringify({ key: 'bench', name: 'Bench', externalConsumptionPolicy: 'none' }) });
  const client = await json(base, `/api/applications/${app.id}/clients`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'Automation', name: 'Bench job' }) });
  return { token, browsers, flow: console, cc: { id: client.clientId, secret: client.clientSecret } };
}

async function setUpBare(base) {
  const flow = { clientId: 'web', redirectUri: 'https://rp.example/cb', scope: 'openid offline_access profile email nexidentity.api' };
  const browsers = Array.from({ length: CONNECTIONS }, () => new Browser(base));
  await Promise.all(browsers.map((browser) => codeFlow(browser, flow)));
  return {
    browsers,
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
  // Each connection is a signed-in user's browser: authorize -> code -> token, no password step.
  flow: (_base, setup) => timedLoops((worker) => codeFlow(setup.browsers[worker], setup.flow)),
  // Each connection refreshes its own chain (its own session and grant), always with the latest token.
  refresh: async (base, setup) => {
    const chains = await Promise.all(setup.browsers.map((browser) => codeFlow(browser, setup.flow).then((t) => t.refresh_token)));
    return timedLoops(async (worker) => {
      const response = await fetch(`${base}/connect/token`, form({ grant_type: 'refresh_token', refresh_token: chains[worker], client_id: setup.flow.clientId }));
      const body = await response.json();
      if (!response.ok) throw new Error(body.error);
      chains[worker] = body.refresh_token;
    });
  },
};

const average = (a, b, figure) => (a[figure] + b[figure]) / 2;
const mean = (a, b) => ({
  rps: average(a, b, 'rps'),
  p50: average(a, b, 'p50'),
  p99: Math.max(a.p99, b.p99),
  errors: a.errors + b.errors,
  cpu: average(a, b, 'cpu'),
  mainCpu: average(a, b, 'mainCpu'),
  mainBusy: average(a, b, 'mainBusy'),
  steal: average(a, b, 'steal'),
});

/** Runs a scenario on one side and adds the server's CPU time per request in µs (the figure machine noise moves least). */
async function measure(name, side) {
  const before = { process: cpuMs(side.pid), main: cpuMs(side.pid, side.pid), postgres: postgresCpuMs(), machine: machineTicks(), at: performance.now() };
  const result = await SCENARIOS[name](side.base, side.setup);
  const perRequest = (ms) => (ms * 1000) / result.total;
  const main = cpuMs(side.pid, side.pid) - before.main;
  const machine = machineTicks();
  return {
    ...result,
    cpu: perRequest(cpuMs(side.pid) - before.process),
    mainCpu: perRequest(main),
    mainBusy: main / (performance.now() - before.at),
    postgresCpu: perRequest(postgresCpuMs() - before.postgres),
    steal: (machine.steal - before.machine.steal) / Math.max(1, machine.total - before.machine.total),
  };
}

/** PostgreSQL work per request in NexinID's second run of each scenario (from the statistics views). */
const databasePerRequest = {};
let statsUrl;
async function databaseWork(before) {
  if (!statsUrl) return undefined;
  await new Promise((resolve) => setTimeout(resolve, 1200)); // backends flush their statistics within a second
  const client = new pg.Client({ connectionString: statsUrl });
  await client.connect();
  const { rows } = await client.query(`SELECT
      (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()) AS transactions,
      (SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables) AS inserted,
      (SELECT coalesce(sum(n_tup_upd), 0) FROM pg_stat_user_tables) AS updated,
      (SELECT coalesce(sum(n_tup_del), 0) FROM pg_stat_user_tables) AS deleted,
      (SELECT coalesce(sum(idx_scan), 0) + coalesce(sum(seq_scan), 0) FROM pg_stat_user_tables) AS scans`);
  await client.end();
  const now = Object.fromEntries(Object.entries(rows[0]).map(([what, n]) => [what, Number(n)]));
  return before ? Object.fromEntries(Object.entries(now).map(([what, n]) => [what, n - before[what]])) : now;
}

/** Runs a scenario bare, ours, ours, bare (ABBA) so neither side profits from going first. */
async function compare(name, bare, ours) {
  if (!only.has(name)) return { ours: skipped, bare: skipped };
  const b1 = await measure(name, bare);
  const o1 = await measure(name, ours);
  const before = await databaseWork();
  const o2 = await measure(name, ours);
  const work = await databaseWork(before);
  if (work) databasePerRequest[name] = { ...Object.fromEntries(Object.entries(work).map(([what, n]) => [what, Math.round((n / o2.total) * 10) / 10])), 'PostgreSQL CPU µs': Math.round(o2.postgresCpu) };
  const b2 = await measure(name, bare);
  return { ours: mean(o1, o2), bare: mean(b1, b2) };
}

/** A table row; `check` says whether the target is met ('yes', or 'NO: <what>'). */
const row = (name, ours, bare, target, check) => {
  const ratio = bare ? ours.rps / bare.rps : undefined;
  const ran = Number.isFinite(ours.rps);
  const misses = ran ? check({ rps: ours.rps, p99: ours.p99, ratio }) : [];
  return {
    scenario: name,
    'ours /s': ran ? Math.round(ours.rps) : '-',
    'ours p99 ms': ran ? Math.round(ours.p99 * 10) / 10 : '-',
    'bare /s': bare && ran ? Math.round(bare.rps) : '',
    'bare p99 ms': bare && ran ? Math.round(bare.p99 * 10) / 10 : '',
    ratio: ratio ? ratio.toFixed(2) : '',
    errors: ours.errors + (bare?.errors ?? 0),
    target,
    met: !ran ? 'skipped' : misses.length ? `NO: ${misses.join(', ')}` : 'yes',
  };
};
const misses = (...checks) => checks.filter(([ok]) => !ok).map(([, what]) => what);

const dataDir = mkdtempSync(join(tmpdir(), 'nexinid-bench-'));
/** The server's durability settings, which decide what a commit costs (reported with the figures). */
async function durability(url) {
  if (!url) return 'embedded PGlite (in-process, temporary folder)';
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const setting = async (name) => (await client.query(`SHOW ${name}`)).rows[0][name];
  const [version, fsync, synchronousCommit] = [await setting('server_version'), await setting('fsync'), await setting('synchronous_commit')];
  await client.end();
  return `PostgreSQL ${version} (fsync=${fsync}, synchronous_commit=${synchronousCommit})`;
}

const db = await benchDatabase(process.env.NEXINID_BENCH_DATABASE_URL, 'nexinid_bench');
const database = db.url;
statsUrl = database;
const profileDir = process.env.NEXINID_BENCH_PROFILE;
const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
const bare = await startServer(join(here, 'bare-provider.mjs'), {}, profile);
const ours = await startServer(join(here, 'ours-server.mjs'), {
  NODE_ENV: 'development',
  NEXINID_LOG_LEVEL: 'warn',
  NEXINID_DATA_DIR: dataDir,
  NEXINID_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  NEXINID_REGISTRATION_RATE_LIMIT: '1000000',
  ...(database ? { DATABASE_URL: database } : {}),
}, ['--expose-gc', ...profile]);
if (profileDir) console.log(`CPU profiles in ${profileDir}: bare pid ${bare.child.pid}, NexinID pid ${ours.child.pid}`);
try {
  const store = await durability(database);
  /** NexinID's memory at each stage, after a full GC: RSS from /proc, the rest from process.memoryUsage(). */
  const memory = {};
  const snapshot = async (stage, gc = 'gc') => {
    const usage = await (await fetch(`${ours.base}/bench/${gc}`)).json();
    if (process.env.NEXINID_BENCH_DEBUG) console.log(stage, JSON.stringify(usage));
    memory[stage] = { 'RSS MB': rssMb(ours.child.pid), ...residentBreakdown(ours.child.pid), 'heap used': usage.heapUsed, 'heap total': usage.heapTotal };
  };
  const after = async (name, result) => (await snapshot(`after ${name}`), result);
  await snapshot('after start-up');
  const oursSetup = await setUpOurs(ours.base);
  await snapshot('after 21 sign-ins (set-up)');
  const sides = { bare: { base: bare.base, pid: bare.child.pid, setup: await setUpBare(bare.base) }, ours: { base: ours.base, pid: ours.child.pid, setup: oursSetup } };
  const cc = await after('client_credentials', await compare('cc', sides.bare, sides.ours));
  const flow = await after('code flows', await compare('flow', sides.bare, sides.ours));
  const refresh = await after('refresh', await compare('refresh', sides.bare, sides.ours));
  const password = await after('password sign-ins', only.has('password') ? await timedLoops(() => codeFlow(new Browser(ours.base), oursSetup.flow)) : skipped);
  const guardedGet = () => hammer({ url: `${ours.base}/bench/guarded`, headers: { authorization: `Bearer ${oursSetup.token}` } });
  const openGet = () => hammer({ url: `${ours.base}/bench/open` });
  const [open, guarded] = only.has('guard')
    ? await (async () => {
        const o1 = await openGet();
        const g1 = await guardedGet();
        const g2 = await guardedGet();
        const o2 = await openGet();
        return [mean(o1, o2), mean(g1, g2)];
      })()
    : [skipped, skipped];
  await after('guarded GETs', undefined);
  // NexinID trims V8's page pool once it has been idle for 10 s after load (apps/api/src/idle-memory-trim.ts).
  await new Promise((resolve) => setTimeout(resolve, IDLE_WAIT_SECONDS * 1000));
  await snapshot(`idle ${IDLE_WAIT_SECONDS} s after the load`);
  const reduceStarted = performance.now();
  await snapshot('after a last-resort GC', 'reduce');
  const reduceMs = Math.round(performance.now() - reduceStarted);
  const bareRss = rssMb(bare.child.pid);
  const onPostgres = Boolean(database);

  console.log(`\nNexinID benchmark: Node ${process.version} (${SERVER_FLAGS.join(' ')}), ${store}, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${SECONDS} s per run, ABBA order\n`);
  console.table([
    row('client_credentials (JWT)', cc.ours, cc.bare, '>= 0.9x bare, >= 1500/s, p99 <= 40 ms', ({ rps, p99, ratio }) =>
      misses([ratio >= 0.9, 'ratio'], [rps >= 1500, 'rate'], [p99 <= 40, 'p99'])),
    row('refresh_token (rotation, persisted)', refresh.ours, refresh.bare, `>= 0.5x bare, p99 <= 50 ms${onPostgres ? '' : ' (on PostgreSQL)'}`, ({ p99, ratio }) =>
      misses([ratio >= 0.5, 'ratio'], [p99 <= 50, 'p99'])),
    row('code + PKCE flow (signed-in session)', flow.ours, flow.bare, '>= 0.8x bare', ({ ratio }) => misses([ratio >= 0.8, 'ratio'])),
    row('password sign-in flow (argon2id)', password, undefined, '>= 25/s', ({ rps }) => misses([rps >= 25, 'rate'])),
    row('GET with bearer guard vs without', guarded, open, '>= 0.7x unguarded', ({ ratio }) => misses([ratio >= 0.7, 'ratio'])),
  ]);
  const cpuRows = Object.fromEntries(
    [['client_credentials', cc], ['code flow', flow], ['refresh_token', refresh]]
      .filter(([, { ours }]) => Number.isFinite(ours.rps))
      .map(([name, { ours, bare }]) => [name, {
        'ours µs': Math.round(ours.cpu),
        'ours main thread µs': Math.round(ours.mainCpu),
        'ours main thread busy': `${Math.round(ours.mainBusy * 100)}%`,
        'bare µs': Math.round(bare.cpu),
        'bare main thread µs': Math.round(bare.mainCpu),
        'bare main thread busy': `${Math.round(bare.mainBusy * 100)}%`,
        'steal (ours, bare)': `${Math.round(ours.steal * 100)}%, ${Math.round(bare.steal * 100)}%`,
      }]),
  );
  if (Object.keys(cpuRows).length) {
    console.log('Server CPU time per request, from /proc (the process; its main thread, which runs all JavaScript; how busy that thread was;');
    console.log("steal: the share of the machine's CPU time the hypervisor gave to other guests during the runs, which no figure here includes):");
    console.table(cpuRows);
  }
  if (Object.keys(databasePerRequest).length) {
    console.log('NexinID PostgreSQL work per request (transactions, rows written, table/index scans, CPU of the local postgres processes):');
    console.table(databasePerRequest);
  }
  console.log('NexinID memory in MB after a full GC (target: RSS < 250 MB idle):');
  console.table(Object.fromEntries(Object.entries(memory).map(([stage, figures]) => [stage, { ...figures, met: figures['RSS MB'] < 250 ? 'yes' : 'NO' }])));
  console.log(`The last-resort GC (V8 hands its pooled pages back) took ${reduceMs} ms. The bare provider, for comparison: ${bareRss} MB RSS after the same load.`);
} finally {
  await Promise.all([bare.stop(), ours.stop()]);
  rmSync(dataDir, { recursive: true, force: true });
  await db.drop();
}
