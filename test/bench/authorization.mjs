// `npm run bench:authorization`: the runtime authorization check against the bearer-guarded no-op GET in
// the same run, a batch of 10 against a single permission, cold evaluation after a perm_ver change for a
// membership with 50 roles and 1,000 permissions, and the in-process decision. Figures in docs/performance.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { EffectiveAccess } from '../../dist/libs/authorization/src/domain/access/effective-access.js';
import { decideAll } from '../../dist/libs/authorization/src/domain/access/decision.js';
import { FeatureManifest } from '../../dist/libs/authorization/src/domain/manifest/feature-manifest.js';
import { PermissionSet } from '../../dist/libs/authorization/src/domain/access/permission-set.js';
import { benchDatabase, Browser, codeFlow, SERVER_FLAGS, startServer } from './harness.mjs';

const CONNECTIONS = 20;
const SECONDS = Number(process.env.NEXINID_BENCH_SECONDS ?? 8);
const WARMUP = 2;
const PASSWORD = 'correct horse battery staple';
const FEATURES = 100;
const ACTIONS = 10;
const ROLES = 50;
const here = new URL('.', import.meta.url).pathname;

const cannon = (options) =>
  new Promise((resolve, reject) => autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) => (error ? reject(error) : resolve(result))));

async function hammer(options) {
  await cannon({ ...options, duration: WARMUP });
  const result = await cannon(options);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors + result.timeouts };
}

async function json(base, path, init) {
  const response = await fetch(`${base}${path}`, init);
  const body = response.status === 204 ? undefined : await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

const permission = (f, a) => ({ featureKey: `feature-${f}`, actionKey: `action-${a}` });
const document = { features: Array.from({ length: FEATURES }, (_, f) => ({ key: `feature-${f}`, name: `Feature ${f}`, actions: Array.from({ length: ACTIONS }, (_, a) => ({ key: `action-${a}` })) })) };
/** Role r holds the 20 permissions r*20 .. r*20+19: 50 roles, 1,000 distinct permissions. */
const rolePermissions = (r) => Array.from({ length: 20 }, (_, i) => r * 20 + i).map((n) => permission(Math.floor(n / ACTIONS), n % ACTIONS));

/** Tenant, application with a 1,000-permission manifest, 50 roles on the admin's membership, an app client and its token. */
async function setUp(base) {
  const tenant = await json(base, '/api/tenants', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ slug: 'bench-authz', displayName: 'Bench', plan: 'Enterprise', organizationName: 'Bench HQ', administrator: { email: 'bench@example.com', password: PASSWORD, name: 'Bench' } }),
  });
  const consoleFlow = { clientId: 'nexinid-console', redirectUri: `${base}/docs/oauth2-redirect.html`, scope: 'openid tenant_context nexidentity.api', email: 'bench@example.com', password: PASSWORD };
  const { access_token: adminToken } = await codeFlow(new Browser(base), consoleFlow);
  const auth = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const post = (path, body, method = 'POST') => json(base, path, { method, headers: auth, body: JSON.stringify(body) });
  const app = await post(`/api/organizations/${tenant.organizationId}/applications`, { key: 'bench', name: 'Bench', externalConsumptionPolicy: 'none' });
  const publisher = await post(`/api/applications/${app.id}/clients`, { type: 'ManifestPublisher', name: 'Bench CI' });
  const basic = `Basic ${Buffer.from(`${publisher.clientId}:${publisher.clientSecret}`).toString('base64')}`;
  await json(base, `/api/runtime/applications/${app.key}/manifest`, { method: 'PUT', headers: { authorization: basic, 'content-type': 'application/json' }, body: JSON.stringify(document) });
  await license(post, tenant, app.id);
  for (let r = 0; r < ROLES; r += 1) {
    const role = await post(`/api/applications/${app.id}/roles`, { key: `role-${r}`, name: `Role ${r}`, permissions: rolePermissions(r) });
    await post(`/api/memberships/${tenant.membershipId}/roles`, { roleId: role.id });
  }
  const toggle = await post(`/api/applications/${app.id}/roles`, { key: 'toggle', name: 'Toggle', permissions: [] });
  await post(`/api/memberships/${tenant.membershipId}/roles`, { roleId: toggle.id });
  const redirectUri = 'https://bench.example.com/cb';
  const client = await post(`/api/applications/${app.id}/clients`, { type: 'InteractiveWeb', name: 'Bench web', redirectUris: [redirectUri] });
  const { access_token: token } = await codeFlow(new Browser(base), { ...consoleFlow, clientId: client.clientId, redirectUri });
  return { token, auth, toggleId: toggle.id, membershipId: tenant.membershipId, applicationId: app.id };
}

/** The membership holds a seat on an entitlement whose edition unlocks feature-0 (its own organization installs its own product). */
async function license(post, tenant, applicationId) {
  const product = await post(`/api/licensing/organizations/${tenant.organizationId}/products`, { applicationId, name: 'Bench', visibility: 'private' });
  const edition = await post(`/api/licensing/products/${product.id}/editions`, {
    code: 'bench-pro',
    name: 'Pro',
    featureKeys: ['feature-0', 'feature-1'],
    activationRequiresApproval: false,
    devicesPerSeat: 1,
    offlinePolicy: { allowed: false, leaseDurationHours: 0, maxRenewals: 0 },
  });
  await post(`/api/licensing/products/${product.id}/publish`, {});
  await post(`/api/licensing/editions/${edition.id}/publish`, {});
  const installation = await post(`/api/licensing/organizations/${tenant.organizationId}/product-installations`, { productId: product.id, editionId: edition.id });
  const subscription = await post(`/api/licensing/organizations/${tenant.organizationId}/subscriptions`, { installationId: installation.id, editionId: edition.id, seats: 5 });
  const entitlement = await post(`/api/licensing/subscriptions/${subscription.id}/entitlements`, { editionId: edition.id, seatCount: 5 });
  await post(`/api/licensing/entitlements/${entitlement.id}/seats`, { membershipIds: [tenant.membershipId] }, 'PUT');
}

const scopedOf = (base, token) => ({
  url: `${base}/api/runtime/authorization/check-scoped`,
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  body: JSON.stringify({ permissions: [permission(0, 0)], licensedFeatureKey: 'feature-0' }),
});

const checkOf = (base, token, permissions) => ({
  url: `${base}/api/runtime/authorization/check`,
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  body: JSON.stringify({ permissions }),
});
const mean = (a, b) => ({ rps: (a.rps + b.rps) / 2, p50: (a.p50 + b.p50) / 2, p99: Math.max(a.p99, b.p99), errors: a.errors + b.errors });

/** After each perm_ver change (a role's permissions edited), the first check is a cold evaluation: live state and 50 roles reloaded and compiled. */
async function coldChecks(base, setup, rounds = 60) {
  const single = checkOf(base, setup.token, [permission(0, 0)]);
  const once = async () => {
    const began = performance.now();
    const response = await fetch(single.url, { method: 'POST', headers: single.headers, body: single.body });
    const body = await response.json();
    if (!body.grantedAll) throw new Error(`unexpected answer ${JSON.stringify(body)}`);
    return performance.now() - began;
  };
  const cold = [];
  const warm = [];
  for (let i = 0; i < rounds; i += 1) {
    await json(base, `/api/roles/${setup.toggleId}`, { method: 'PATCH', headers: setup.auth, body: JSON.stringify({ permissions: i % 2 ? [] : [permission(99, 9)] }) });
    // Let the change's after-commit work (outbox relay, audit batch) finish, so the figure is the evaluation's own.
    await new Promise((resolve) => setTimeout(resolve, 50));
    cold.push(await once());
    warm.push(await once());
  }
  const sorted = (list) => list.slice(10).sort((a, b) => a - b);
  const at = (list, p) => list[Math.min(list.length - 1, Math.floor(p * list.length))];
  const [c, w] = [sorted(cold), sorted(warm)];
  return { coldP50: at(c, 0.5), coldP95: at(c, 0.95), warmP50: at(w, 0.5), warmP95: at(w, 0.95) };
}

const serverCold = (base, setup, roleSets) =>
  json(base, '/bench/cold', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ membershipId: setup.membershipId, applicationId: setup.applicationId, rounds: 200, roleSets }) });

/** The pure decision with effective permissions known: 50 roles, 1,000 permissions, a few policies. */
function inProcess() {
  const manifest = new FeatureManifest('app', 1, document);
  const model = {
    roles: Array.from({ length: ROLES }, (_, r) => ({ roleId: `r${r}`, roleKey: `role-${r}`, permissions: new PermissionSet(rolePermissions(r)), via: r % 5 ? null : { groupId: 'g', groupKey: 'g' } })),
    grants: [],
    policies: Array.from({ length: 10 }, (_, i) => ({ policyId: `p${i}`, subjectType: 'organization', subjectId: 'o', ...permission(i, 0), resourceType: 'doc', resourcePattern: `eu-${i}-*`, effect: i % 2 ? 'deny' : 'allow' })),
  };
  const time = (n, work) => {
    for (let i = 0; i < Math.min(n, 2000); i += 1) work(i);
    const began = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1) work(i);
    return Number(process.hrtime.bigint() - began) / 1000 / n;
  };
  const access = new EffectiveAccess(model);
  const one = [permission(3, 3)];
  const ten = Array.from({ length: 10 }, (_, i) => permission(i * 7, i));
  const input = { membershipActive: true, manifest, access };
  return {
    compile: time(2000, () => new EffectiveAccess(model)),
    roleSets: time(200, () => Array.from({ length: ROLES }, (_, r) => new PermissionSet(rolePermissions(r)))),
    single: time(200_000, () => decideAll(input, one)),
    batch10: time(50_000, () => decideAll(input, ten)),
    withResource: time(200_000, () => decideAll(input, [permission(2, 0)], { type: 'doc', id: 'eu-2-7' })),
  };
}

const db = await benchDatabase(process.env.NEXINID_BENCH_DATABASE_URL, 'nexinid_bench_authz');
const dataDir = mkdtempSync(join(tmpdir(), 'nexinid-bench-authz-'));
const server = await startServer(join(here, 'authorization-server.mjs'), {
  NODE_ENV: 'development',
  NEXINID_LOG_LEVEL: 'warn',
  NEXINID_DATA_DIR: dataDir,
  NEXINID_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  NEXINID_REGISTRATION_RATE_LIMIT: '1000000',
  ...(db.url ? { DATABASE_URL: db.url } : {}),
}, process.env.NEXINID_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.NEXINID_BENCH_PROFILE}`] : []);
try {
  const base = server.base;
  const setup = await setUp(base);
  const guarded = () => hammer({ url: `${base}/bench/guarded`, headers: { authorization: `Bearer ${setup.token}` } });
  const single = () => hammer(checkOf(base, setup.token, [permission(0, 0)]));
  const batch = () => hammer(checkOf(base, setup.token, Array.from({ length: 10 }, (_, i) => permission(i * 9, i))));
  const scoped = () => hammer(scopedOf(base, setup.token));
  const answer = await json(base, '/api/runtime/authorization/check-scoped', { method: 'POST', headers: scopedOf(base, setup.token).headers, body: scopedOf(base, setup.token).body });
  if (!answer.available) throw new Error(`check-scoped set-up is wrong: ${JSON.stringify(answer)}`);
  if (process.env.NEXINID_BENCH_ONLY) {
    // Profiling one scenario: NEXINID_BENCH_ONLY=guarded|check|batch|cold runs just that one.
    const scenario = { guarded, check: single, batch, scoped, cold: () => serverCold(base, setup, 'cached') }[process.env.NEXINID_BENCH_ONLY];
    console.log(JSON.stringify(await scenario()));
  } else await fullRun(base, setup, guarded, single, batch, scoped);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await db.drop();
}

async function fullRun(base, setup, guarded, single, batch, scoped) {
  const [g1, s1, b1, c1] = [await guarded(), await single(), await batch(), await scoped()];
  const [c2, b2, s2, g2] = [await scoped(), await batch(), await single(), await guarded()];
  const [g, s, b, c] = [mean(g1, g2), mean(s1, s2), mean(b1, b2), mean(c1, c2)];
  const cold = await coldChecks(base, setup);
  const inServer = await serverCold(base, setup, 'cached');
  const allCold = await serverCold(base, setup, 'cold');
  const local = inProcess();
  const ms = (n) => Math.round(n * 100) / 100;
  const us = (n) => Math.round(n * 100) / 100;
  const yes = (ok, what) => (ok ? 'yes' : `NO: ${what}`);
  console.log(`\nAuthorization benchmark: Node ${process.version} (${SERVER_FLAGS.join(' ')}), ${db.url ? 'PostgreSQL' : 'embedded PGlite'}, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${SECONDS} s per run (guard, check, batch, scoped, scoped, batch, check, guard)\n`);
  console.table([
    { scenario: 'GET /bench/guarded (bearer guard, no-op)', '/s': Math.round(g.rps), 'p99 ms': g.p99, errors: g.errors, target: 'reference', met: '' },
    {
      scenario: 'check, 1 permission (warm)',
      '/s': Math.round(s.rps),
      'p99 ms': s.p99,
      errors: s.errors,
      target: '>= 0.8x guarded, >= 1,500/s, p99 < 15 ms',
      met: yes(s.rps >= 0.8 * g.rps && s.rps >= 1500 && s.p99 < 15, `${(s.rps / g.rps).toFixed(2)}x`),
      ratio: (s.rps / g.rps).toFixed(2),
    },
    {
      scenario: 'check, 10 permissions (warm)',
      '/s': Math.round(b.rps),
      'p99 ms': b.p99,
      errors: b.errors,
      target: 'cost <= 2x a single check',
      met: yes(s.rps / b.rps <= 2, `${(s.rps / b.rps).toFixed(2)}x`),
      ratio: `cost ${(s.rps / b.rps).toFixed(2)}x single`,
    },
    {
      scenario: 'check-scoped, RBAC ∩ entitlement (warm RBAC, live license)',
      '/s': Math.round(c.rps),
      'p99 ms': c.p99,
      errors: c.errors,
      target: '>= 0.75x guarded, p99 < 15 ms',
      met: yes(c.rps >= 0.75 * g.rps && c.p99 < 15, `${(c.rps / g.rps).toFixed(2)}x`),
      ratio: (c.rps / g.rps).toFixed(2),
    },
  ]);
  console.table([
    { measure: 'first check after a perm_ver change, 50 roles / 1,000 permissions (HTTP round trip)', p50: `${ms(cold.coldP50)} ms`, p95: `${ms(cold.coldP95)} ms`, target: '', met: '' },
    { measure: 'cold evaluation in the server after a perm_ver change (state + access model + compile; role sets cached)', p50: `${ms(inServer.p50)} ms`, p95: `${ms(inServer.p95)} ms`, target: '< 5 ms', met: yes(inServer.p95 < 5, 'p95') },
    { measure: '  of which (p50): membership state / access model / compile', p50: `${ms(inServer.parts.state)} / ${ms(inServer.parts.model)} / ${ms(inServer.parts.compile)} ms`, p95: '', target: '', met: '' },
    { measure: 'fully cold evaluation in the server (every role set reloaded too)', p50: `${ms(allCold.p50)} ms`, p95: `${ms(allCold.p95)} ms`, target: '', met: '' },
    { measure: 'the next check (warm, HTTP round trip, one client)', p50: `${ms(cold.warmP50)} ms`, p95: `${ms(cold.warmP95)} ms`, target: '', met: '' },
    { measure: 'effective access of 50 roles / 1,000 permissions from cached role sets (in process)', p50: `${us(local.compile)} µs`, p95: '', target: '', met: '' },
    { measure: 'building the 50 role sets themselves (in process, fully cold only)', p50: `${us(local.roleSets)} µs`, p95: '', target: '', met: '' },
    { measure: 'decision, 1 permission (in process)', p50: `${us(local.single)} µs`, p95: '', target: '<= 50 µs', met: yes(local.single <= 50, 'time') },
    { measure: 'decision, 10 permissions (in process)', p50: `${us(local.batch10)} µs`, p95: '', target: '<= 50 µs', met: yes(local.batch10 <= 50, 'time') },
    { measure: 'decision, 1 permission with a resource and policies (in process)', p50: `${us(local.withResource)} µs`, p95: '', target: '<= 50 µs', met: yes(local.withResource <= 50, 'time') },
  ]);
}
