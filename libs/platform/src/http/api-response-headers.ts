import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Defaults for every answer of the REST API: they carry tenant data and, once,
 * secrets, so no cache keeps them and no browser sniffs them as something
 * else. A route that may be cached says so itself (it replaces the header).
 */
export function setApiResponseDefaults(request: IncomingMessage, response: ServerResponse): void {
  if (!request.url?.startsWith('/api/')) return;
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
}
