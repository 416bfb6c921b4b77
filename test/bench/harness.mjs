// Small tools for the benchmark: child servers, a cookie-jar browser, PKCE flows, timed loops.
import { fork } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import pg from 'pg';

export async function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Node/V8 flags for every benchmark server, the bare provider included, so both
 * sides of a ratio run on the same runtime settings: the V8 flag `npm start`
 * runs NexinID with (ADR 20 in docs/architecture.md), then
 * NEXINID_BENCH_NODE_FLAGS (e.g. `--trace-gc`; a later flag overrides an
 * earlier one).
 */
export const SERVER_FLAGS = ['--no-allocation-site-pretenuring', ...(process.env.NEXINID_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)];

/** Forks `script` with env and SERVER_FLAGS plus `execArgv`, and the malloc setting `npm start` gives NexinID (ADR 21); resolves once it reports ready. */
export async function startServer(script, env, execArgv = []) {
  const port = await freePort();
  const child = fork(script, [], { execArgv: [...SERVER_FLAGS, ...execArgv], env: { MALLOC_ARENA_MAX: '2', ...process.env, ...env, PORT: String(port), NEXINID_ISSUER: `http://127.0.0.1:${port}` }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, port, base: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

export function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line.split(/\s+/)[1]) / 1024);
}

/**
 * Where a process's resident memory sits, in MB, from /proc/<pid>/smaps:
 * 256 KB anonymous mappings are V8 heap pages (committed, whether in use or
 * pooled), `[heap]` and the other anonymous mappings are malloc'd native memory
 * (OpenSSL, the HTTP parser, the database driver...), files are code and data
 * mapped from disk.
 */
export function residentBreakdown(pid) {
  const totals = { 'V8 pages': 0, native: 0, files: 0 };
  let bucket;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const mapping = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) {
      const [, from, to, name] = mapping;
      const size = parseInt(to, 16) - parseInt(from, 16);
      bucket = name.startsWith('/') ? 'files' : name === '' && size === 256 * 1024 ? 'V8 pages' : 'native';
    } else if (line.startsWith('Rss:')) totals[bucket] += Number(line.split(/\s+/)[1]);
  }
  return Object.fromEntries(Object.entries(totals).map(([name, kb]) => [name, Math.round(kb / 1024)]));
}

/** CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat (clock ticks of 10 ms). */
export function cpuMs(pid, thread) {
  const fields = readFileSync(thread ? `/proc/${pid}/task/${thread}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The machine's CPU time so far in clock ticks, from /proc/stat: all of it, and the part the hypervisor gave to other guests (steal). */
export function machineTicks() {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  return { total: ticks.reduce((sum, n) => sum + n, 0), steal: ticks[7] };
}

/** CPU time of every local `postgres` process (the benchmark's server, when it runs on this machine), in ms. */
export function postgresCpuMs() {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.includes(' (postgres) ')) total += cpuMs(pid);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return total;
}

export class Browser {
  cookies = new Map();
  constructor(base) {
    this.base = base;
  }
  async request(url, init = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(new URL(url, this.base), { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }
  /** Follows same-origin redirects; returns the page, or the URL that leaves the origin. */
  async follow(response) {
    for (let hops = 0; hops < 20; hops += 1) {
      const location = response.headers.get('location');
      if (!location) return { response };
      await response.arrayBuffer();
      const next = new URL(location, this.base);
      if (next.origin !== new URL(this.base).origin || next.pathname.startsWith('/docs/')) return { leftTo: next };
      response = await this.request(next);
    }
    throw new Error('too many redirects');
  }
}

export const form = (fields, headers = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
});

/**
 * One authorization-code + PKCE flow in `browser`: authorize, sign in with the
 * form when asked (ours), pick the first organization when asked, then redeem
 * the code. Returns the token response.
 */
export async function codeFlow(browser, { clientId, redirectUri, scope, email, password }) {
  const verifier = randomBytes(32).toString('base64url');
  const query = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  let step = await browser.follow(await browser.request(`/connect/authorize?${query}`));
  if (step.response && step.response.url.includes('/ui/interaction/')) {
    const uid = new URL(step.response.url).pathname.split('/')[3];
    await step.response.arrayBuffer();
    step = await browser.follow(await browser.request(`/ui/interaction/${uid}/login`, form({ email, password })));
  }
  const code = step.leftTo?.searchParams.get('code');
  if (!code) throw new Error(`no code (status ${step.response?.status})`);
  const token = await fetch(`${browser.base}/connect/token`, form({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: verifier }));
  if (!token.ok) throw new Error(`token exchange failed: ${await token.text()}`);
  return token.json();
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/** Runs `concurrency` loops of `iteration(worker)` for `seconds`; reports rate and latency percentiles. */
export async function loops(concurrency, seconds, iteration) {
  const latencies = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < end) {
        const began = performance.now();
        try {
          await iteration(worker);
          latencies.push(performance.now() - began);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors, count: latencies.length };
}

/** A fresh database `<prefix>_<time>` on the PostgreSQL server at `serverUrl` (none for the embedded database), and how to drop it. */
export async function benchDatabase(serverUrl, prefix) {
  if (!serverUrl) return { url: undefined, drop: async () => undefined };
  const name = `${prefix}_${Date.now()}`;
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
