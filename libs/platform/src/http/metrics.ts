import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const requestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by route group and status class',
  labelNames: ['group', 'method', 'status'],
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

export const oauthTokensIssued = new Counter({
  name: 'oauth_tokens_issued_total',
  help: 'Tokens issued by the token endpoint, by grant type',
  labelNames: ['grant_type'],
  registers: [metricsRegistry],
});

export const signInAttempts = new Counter({
  name: 'sign_in_attempts_total',
  help: 'Password sign-in attempts by outcome',
  labelNames: ['outcome'],
  registers: [metricsRegistry],
});

const GROUPS = new Set(['api', 'connect', '.well-known', 'ui', 'docs', 'health', 'metrics']);

/** Low-cardinality grouping: the first path segment (ids never become labels). */
function group(url: string | undefined): string {
  const path = url ?? '/';
  const query = path.indexOf('?');
  const pathEnd = query === -1 ? path.length : query;
  const slash = path.indexOf('/', 1);
  const segment = path.slice(1, slash === -1 || slash > pathEnd ? pathEnd : slash);
  return GROUPS.has(segment) ? segment : 'other';
}

/** Label children are cached: resolving labels per observation is a measurable cost on the token path. */
const children = new Map<string, ReturnType<typeof requestDuration.labels>>();

/** Records a finished request's duration; called from the server's single per-request `finish` listener. */
export function observeRequest(request: IncomingMessage, response: ServerResponse, seconds: number): void {
  const method = request.method ?? 'GET';
  const status = `${Math.floor(response.statusCode / 100)}xx`;
  const routeGroup = group(request.url);
  const key = `${routeGroup} ${method} ${status}`;
  let child = children.get(key);
  if (!child) children.set(key, (child = requestDuration.labels(routeGroup, method, status)));
  child.observe(seconds);
}
