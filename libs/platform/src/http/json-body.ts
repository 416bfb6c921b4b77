import type { IncomingMessage, ServerResponse } from 'node:http';
import { currentRequestContext, runWithRequestContext } from '../context/request-context.js';
import { DomainError } from '#kernel';
import { unstorableInBody, unstorableInJson } from './unstorable-text.js';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([\w-]+)"?/i;
/** Deeper than any body of the API; past it, recursive code (validation, transformation) would overflow the stack. */
const MAX_JSON_DEPTH = 32;

type Next = (error?: unknown) => void;

/** The first character that is not JSON whitespace, without copying the text. */
function firstNonBlank(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return text[i];
  }
  return undefined;
}

/** Whether the JSON text nests objects and arrays deeper than `max`, counted without parsing (brackets in strings do not count). */
function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > max) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
}

export const NOT_AN_OBJECT = 'The request body must be a JSON object.';

/** For a body that is not an object or array: valid JSON (`null`, `1`, `"x"`) is answered differently from garbage. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** An error shaped like body-parser's, so the problem filter answers it the same way. */
function failure(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, type, expose: true });
}

/**
 * Parses JSON request bodies (`application/json`, `application/*+json`) up to
 * `limit` bytes, with body-parser's contract but without its per-request
 * machinery (content-type object, raw-body, an iconv decoder), which on small
 * bodies like the runtime check's cost more than the handler: UTF-8 and no
 * content encoding only (415 otherwise), `entity.too.large` (413) past the limit, `entity.parse.failed`
 * (400) for what is not JSON, a 400 problem for JSON that is not an object or array, a 400 problem past
 * MAX_JSON_DEPTH levels of nesting or for a string
 * or key PostgreSQL cannot keep (unstorable-text.ts), and `{}` for an empty body.
 */
export function jsonBody(limit: number) {
  return (request: IncomingMessage & { body?: unknown; _body?: boolean }, _response: ServerResponse, next: Next): void => {
    const type = request.headers['content-type'];
    if (request._body || !type || !JSON_MEDIA_TYPE.test(type)) return next();
    const charset = CHARSET.exec(type)?.[1]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') return next(failure(415, 'charset.unsupported', `unsupported charset "${charset.toUpperCase()}"`));
    const encoding = request.headers['content-encoding']?.toLowerCase();
    if (encoding && encoding !== 'identity') return next(failure(415, 'encoding.unsupported', `unsupported content encoding "${encoding}"`));
    const declared = Number(request.headers['content-length']);
    if (declared > limit) return next(failure(413, 'entity.too.large', 'request entity too large'));
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    // Stream events run outside the request's async context; continue the chain inside it (request id, principal).
    const context = currentRequestContext();
    const proceed: Next = context ? (error) => runWithRequestContext(context, () => next(error)) : next;
    const finish = (error?: unknown) => {
      if (done) return;
      done = true;
      proceed(error);
    };
    /** The body the text holds; throws the error to answer with. */
    const parse = (text: string): unknown => {
      const first = firstNonBlank(text);
      if (first === undefined) return {};
      if (first !== '{' && first !== '[') throw isJson(text) ? new DomainError('platform.validation_failed', NOT_AN_OBJECT) : failure(400, 'entity.parse.failed', 'not JSON');
      if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw new DomainError('platform.validation_failed', `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        throw failure(400, 'entity.parse.failed', (error as Error).message);
      }
      const unstorableAt = unstorableInJson(text, body);
      if (unstorableAt) throw unstorableInBody(unstorableAt);
      return body;
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.pause();
        finish(failure(413, 'entity.too.large', 'request entity too large'));
      } else chunks.push(chunk);
    });
    request.on('error', (error) => finish(failure(400, 'request.aborted', error.message)));
    request.on('end', () => {
      if (done) return;
      request._body = true;
      // Whatever parsing throws is answered: a stream event has no caller to hand it to, and it would end the process.
      try {
        request.body = parse((chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)).toString('utf8'));
      } catch (error) {
        return finish(error);
      }
      finish();
    });
  };
}
