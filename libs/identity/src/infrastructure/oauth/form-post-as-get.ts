import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendOAuthError } from '#platform';
import { OAUTH_PATHS } from './oauth-constants.js';

const FORM_POST_PATHS = new Set<string>([OAUTH_PATHS.authorization, OAUTH_PATHS.end_session]);
const FORM_MEDIA_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;
/** The redirect carries the form in its URL, and the follow-up GET must fit Node's 16 KB header limit. */
const FORM_POST_LIMIT_BYTES = 8 * 1024;

/** Whether this request is a form post to the authorization or logout endpoint. */
export function isFormPostToGetEndpoint(request: IncomingMessage, path: string): boolean {
  return request.method === 'POST' && FORM_POST_PATHS.has(path);
}

function refuse(response: ServerResponse, description: string): void {
  sendOAuthError(response, 400, 'invalid_request', description, { Connection: 'close' });
}

/**
 * OpenID Connect Core (3.1.2.1) and RP-Initiated Logout (2) require POST at
 * the authorization and logout endpoints. oidc-provider serves POST there only
 * when its session cookie is SameSite=None, because a browser sends a Lax
 * cookie with a cross-site top-level GET but not with a cross-site POST, and
 * without its session a signed-in user would have to sign in again. NexinID
 * keeps Lax cookies and answers the post with a 303 to the same endpoint
 * carrying the form as its query: the browser follows with a GET, which
 * carries the session, and the provider handles it as any GET (a parameter
 * given both in the URL and in the form is a duplicate it refuses).
 */
export function redirectFormPostAsGet(request: IncomingMessage, response: ServerResponse, path: string): void {
  const type = request.headers['content-type'];
  if (Number(request.headers['content-length']) > FORM_POST_LIMIT_BYTES) {
    return refuse(response, `the form is larger than ${FORM_POST_LIMIT_BYTES} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  request.on('data', (chunk: Buffer) => {
    if (done) return;
    size += chunk.length;
    if (size <= FORM_POST_LIMIT_BYTES) return void chunks.push(chunk);
    done = true;
    refuse(response, `the form is larger than ${FORM_POST_LIMIT_BYTES} bytes`);
  });
  request.on('error', () => {
    done = true;
    response.destroy();
  });
  request.on('end', () => {
    if (done) return;
    done = true;
    if (size > 0 && !(type && FORM_MEDIA_TYPE.test(type))) {
      return refuse(response, 'the body must be application/x-www-form-urlencoded');
    }
    const url = request.url!;
    const queryStart = url.indexOf('?');
    const query = new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1));
    for (const [name, value] of new URLSearchParams(Buffer.concat(chunks, size).toString('utf8'))) query.append(name, value);
    const search = query.toString();
    response.writeHead(303, { Location: search ? `${path}?${search}` : path, 'Cache-Control': 'no-store', 'Content-Length': 0 });
    response.end();
  });
}
