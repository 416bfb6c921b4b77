import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runWithRequestContext } from '../context/request-context.js';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function clientIp(request: IncomingMessage, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = request.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return request.socket.remoteAddress;
}

/**
 * Runs the rest of the request inside its RequestContext and echoes the
 * request id. Applied on the raw HTTP listener so OAuth routes get it too.
 */
export function withRequestContext(
  trustProxy: boolean,
  next: (request: IncomingMessage, response: ServerResponse) => void,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const offered = request.headers['x-request-id'];
    const requestId = typeof offered === 'string' && SAFE_REQUEST_ID.test(offered) ? offered : randomUUID();
    response.setHeader('X-Request-Id', requestId);
    const userAgent = request.headers['user-agent']?.slice(0, 512);
    runWithRequestContext({ requestId, ip: clientIp(request, trustProxy), userAgent }, () => next(request, response));
  };
}
