import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '#kernel';
import { sendProblem } from '../errors/problem.filter.js';

/**
 * U+0000 is in no valid input of NexinID, and PostgreSQL text and jsonb
 * cannot hold it: a statement carrying one is refused. So requests carrying
 * one are refused where they are read, with a 400 naming where it was.
 */
const NUL = '\u0000';
const MESSAGE = 'must not contain the NUL character (U+0000)';

export function holdsNul(text: string): boolean {
  return text.includes(NUL);
}

/** Where `value` holds U+0000, in a string or a key (`administrator.email`, `items[2]`), or undefined. */
export function nulPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path || '(body)' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes(NUL)) return at;
    const found = nulPath((value as Record<string, unknown>)[key], at);
    if (found) return found;
  }
  return undefined;
}

/** The problem for a request body holding U+0000 at `field`. */
export function nulInBody(field: string): DomainError {
  return new DomainError('platform.validation_failed', `${field}: ${MESSAGE}`, { errors: [{ field, message: MESSAGE }] });
}

/** Whether the request's path or query holds an encoded U+0000 (a raw one never passes Node's HTTP parser). */
export function urlCarriesNul(url: string | undefined): boolean {
  return url !== undefined && url.includes('%00');
}

/** Answers a request whose URL holds U+0000: an OAuth error on the provider's routes, a problem elsewhere. */
export function refuseNulInUrl(request: IncomingMessage, response: ServerResponse, oauthRoute: boolean): void {
  const detail = `The request URL ${MESSAGE}.`;
  if (!oauthRoute) return sendProblem(response, new DomainError('platform.validation_failed', detail), request);
  const body = JSON.stringify({ error: 'invalid_request', error_description: detail });
  response.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  response.end(body);
}

/** For body-parser's `verify`: refuses a url-encoded body holding U+0000, encoded or raw. */
export function refuseNulInForm(_request: IncomingMessage, _response: ServerResponse, body: Buffer): void {
  if (body.includes('%00') || body.includes(0)) throw Object.assign(new Error(`The request body ${MESSAGE}.`), { status: 400, expose: true, type: 'entity.verify.failed' });
}
