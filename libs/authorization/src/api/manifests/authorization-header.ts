import { bearerTokenOf, storableText } from '#platform';
import type { PublisherCredentials } from '../../application/services/publisher-credentials.js';

const MAX_HEADER = 4096;

const formDecode = (value: string) => {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
};

/** Reads a publish call's Authorization header: `Bearer <jwt>` or `Basic base64(client_id:client_secret)` (RFC 6749 §2.3.1 form-encoding). */
export function publisherCredentials(header: string | undefined): PublisherCredentials {
  if (!header) return { scheme: 'none', reason: 'Credentials are required: Authorization: Bearer <token> or Basic <client id:secret>.' };
  if (header.length > MAX_HEADER) return { scheme: 'none', reason: 'The Authorization header is too long.' };
  const token = bearerTokenOf(header);
  if (token) return { scheme: 'bearer', token };
  const basic = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const [clientId, secret] = colon > 0 ? [formDecode(decoded.slice(0, colon)), formDecode(decoded.slice(colon + 1))] : [];
    if (clientId !== undefined && secret !== undefined && storableText(clientId) && storableText(secret)) return { scheme: 'basic', clientId, secret };
  }
  return { scheme: 'none', reason: 'The Authorization header is neither a Bearer token nor Basic client credentials.' };
}
