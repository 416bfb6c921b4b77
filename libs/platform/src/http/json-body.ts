import type { IncomingMessage, ServerResponse } from 'node:http';
import { currentRequestContext, runWithRequestContext } from '../context/request-context.js';
import { unstorableInBody, unstorableInJson } from './unstorable-text.js';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([\w-]+)"?/i;

type Next = (error?: unknown) => void;

/** The first character that is not JSON whitespace, without copying the text. */
function firstNonBlank(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return text[i];
  }
  return undefined;
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
 * (400) for anything but a JSON object or array, a 400 problem for a string
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
      const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)).toString('utf8');
      request._body = true;
      const first = firstNonBlank(text);
      if (first === undefined) {
        request.body = {};
        return finish();
      }
      if (first !== '{' && first !== '[') return finish(failure(400, 'entity.parse.failed', 'JSON bodies must be an object or an array'));
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        return finish(failure(400, 'entity.parse.failed', (error as Error).message));
      }
      const unstorableAt = unstorableInJson(text, body);
      if (unstorableAt) return finish(unstorableInBody(unstorableAt));
      request.body = body;
      finish();
    });
  };
}
