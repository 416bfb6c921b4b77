import { DomainError } from '#kernel';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Redirect URIs are matched exactly, so they are validated strictly: absolute,
 * no fragment, no wildcard, no credentials; https except on loopback; a native
 * app's private-use scheme must contain a dot (reverse domain, RFC 8252).
 */
function validateRedirectUri(value: string, field: string): string {
  const fail = (why: string): never => {
    throw new DomainError('identity.invalid_redirect_uri', `${field}: ${value} ${why}.`, {
      errors: [{ field, message: `${value} ${why}` }],
    });
  };
  if (value.length > 2000) fail('is too long');
  if (value.includes('*')) fail('must not contain a wildcard');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail('is not an absolute URI');
  }
  if (url.hash || value.includes('#')) fail('must not have a fragment');
  if (url.username || url.password) fail('must not carry credentials');
  if (url.protocol === 'https:') return value;
  if (url.protocol === 'http:') {
    if (LOOPBACK.has(url.hostname)) return value;
    return fail('must use https (http is allowed only for localhost)');
  }
  if (['javascript:', 'data:', 'file:', 'vbscript:'].includes(url.protocol)) fail('uses a forbidden scheme');
  if (!url.protocol.slice(0, -1).includes('.')) fail('uses a custom scheme that is not a reverse domain name');
  return value;
}

export function validateRedirectUris(values: readonly string[] | undefined, field: string): string[] {
  const uris = [...new Set(values ?? [])];
  if (uris.length > 20) {
    throw new DomainError('identity.invalid_redirect_uri', `${field}: at most 20 URIs.`);
  }
  return uris.map((uri) => validateRedirectUri(uri, field));
}
