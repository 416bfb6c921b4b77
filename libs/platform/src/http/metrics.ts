import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, type Metric, Registry } from 'prom-client';
import { LabelledCounter } from './labelled-counter.js';
import { RequestDurations } from './request-durations.js';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

/** Our own metrics are small classes the registry reads at scrape time (see request-durations.ts). */
function registered<T extends RequestDurations | LabelledCounter>(metric: T): T {
  metricsRegistry.registerMetric(metric as unknown as Metric);
  return metric;
}

const requestDurations = registered(new RequestDurations());

export const oauthTokensIssued = registered(new LabelledCounter('oauth_tokens_issued_total', 'Tokens issued by the token endpoint, by grant type', 'grant_type'));

export const signInAttempts = registered(new LabelledCounter('sign_in_attempts_total', 'Password sign-in attempts by outcome', 'outcome'));

const STATUS_CLASSES = ['0xx', '1xx', '2xx', '3xx', '4xx', '5xx'];
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

/** Records a finished request's duration; called from the server's single per-request `finish` listener. */
export function observeRequest(request: IncomingMessage, response: ServerResponse, seconds: number): void {
  requestDurations.observe(group(request.url), request.method ?? 'GET', STATUS_CLASSES[Math.floor(response.statusCode / 100)] ?? 'other', seconds);
}
