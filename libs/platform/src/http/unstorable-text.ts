import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '#kernel';
import { sendProblem } from '../errors/problem.filter.js';
import { sendOAuthError } from './oauth-error.js';

/**
 * Text PostgreSQL cannot keep: U+0000 (in text and jsonb) and unpaired
 * surrogates (jsonb refuses their escapes; text would silently get U+FFFD).
 * No valid input of NexinID holds either, so requests carrying them are
 * refused where they are read, with a 400 naming where, never a 500.
 */
const NUL = '\u0000';
const MESSAGE = 'must not contain the NUL character (U+0000) or unpaired surrogates';

export function storableText(text: string): boolean {
  return !text.includes(NUL) && text.isWellFormed();
}

/** A value still to look at, and how it was reached (its path is spelled out only for the one found). */
interface Pending {
  value: unknown;
  parent?: Pending;
  /** The key, or the index in an array, that leads here from the parent. */
  step?: string | number;
}

function pathOf(found: Pending): string {
  let path = '';
  for (let at: Pending | undefined = found; at?.parent; at = at.parent) {
    path = typeof at.step === 'number' ? `[${at.step}]${path}` : `.${at.step}${path}`;
  }
  return (path.startsWith('.') ? path.slice(1) : path) || '(body)';
}

/**
 * Where `value` holds unstorable text, in a string or a key (`administrator.email`,
 * `items[2]`), or undefined. Iterative, so no nesting overflows the stack.
 */
export function unstorableAt(value: unknown): string | undefined {
  const pending: Pending[] = [{ value }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const item = next.value;
    if (typeof item === 'string') {
      if (!storableText(item)) return pathOf(next);
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) pending.push({ value: item[i], parent: next, step: i });
    } else if (item !== null && typeof item === 'object') {
      const keys = Object.keys(item);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const child = { value: (item as Record<string, unknown>)[key], parent: next, step: key };
        if (!storableText(key)) return pathOf(child);
        pending.push(child);
      }
    }
  }
  return undefined;
}

/**
 * Where a parsed JSON body holds unstorable text, or undefined. JSON text can
 * only carry either as a `\u` escape (`\u0000`, `\uD800`...), so bodies
 * without one are not walked.
 */
export function unstorableInJson(text: string, body: unknown): string | undefined {
  return text.includes('\\u') ? unstorableAt(body) : undefined;
}

/** The problem for a request body holding unstorable text at `field`. */
export function unstorableInBody(field: string): DomainError {
  return new DomainError('platform.validation_failed', `${field}: ${MESSAGE}`, { errors: [{ field, message: MESSAGE }] });
}

/**
 * Whether the request's path or query holds an encoded U+0000. A raw one never
 * passes Node's HTTP parser, and percent-decoding turns malformed UTF-8
 * (an encoded surrogate included) into U+FFFD or refuses it.
 */
export function urlCarriesNul(url: string | undefined): boolean {
  return url !== undefined && url.includes('%00');
}

/** Answers a request whose URL holds U+0000: an OAuth error on the provider's routes, a problem elsewhere. */
export function refuseNulInUrl(request: IncomingMessage, response: ServerResponse, oauthRoute: boolean): void {
  const detail = 'The request URL must not contain the NUL character (U+0000).';
  if (oauthRoute) sendOAuthError(response, 400, 'invalid_request', detail);
  else sendProblem(response, new DomainError('platform.validation_failed', detail), request);
}

/** For body-parser's `verify`: refuses a url-encoded body holding U+0000, encoded or raw (percent-decoding handles the rest as a URL's). */
export function refuseNulInForm(_request: IncomingMessage, _response: ServerResponse, body: Buffer): void {
  if (body.includes('%00') || body.includes(0)) {
    throw Object.assign(new Error('The request body must not contain the NUL character (U+0000).'), { status: 400, expose: true, type: 'entity.verify.failed' });
  }
}
