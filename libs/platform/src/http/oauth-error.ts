import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** An OAuth error (RFC 6749 5.2's shape) from a route NexinID serves beside the provider: JSON, never cached. */
export function sendOAuthError(response: ServerResponse, status: number, error: string, description: string, headers: OutgoingHttpHeaders = {}): void {
  const body = JSON.stringify({ error, error_description: description });
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}
