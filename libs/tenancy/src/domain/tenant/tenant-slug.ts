/**
 * A tenant's slug is its identity-domain label (`acme` in `acme.nexinid.example`),
 * so it follows DNS label grammar (RFC 1123), lower case only, at least 3
 * characters, and never a name the platform itself uses.
 */
const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/;

const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'admin', 'administrator', 'api', 'app', 'apps', 'assets', 'auth', 'billing', 'cdn', 'connect', 'console',
  'dashboard', 'default', 'dev', 'docs', 'help', 'id', 'identity', 'localhost', 'login', 'logout', 'mail',
  'metrics', 'nexidentity', 'nexinid', 'oauth', 'oidc', 'platform', 'portal', 'root', 'signin', 'signup',
  'sso', 'static', 'status', 'support', 'system', 'tenant', 'tenants', 'www',
]);

/** Problems with a slug, in words a registrant can act on; empty when the slug is fine. */
export function slugProblems(slug: string): string[] {
  if (typeof slug !== 'string') return ['slug must be a string'];
  if (slug.length < 3 || slug.length > 63) return ['slug must be 3 to 63 characters long'];
  if (slug !== slug.toLowerCase()) return ['slug must be lower case'];
  if (!/^[a-z0-9-]+$/.test(slug)) return ['slug may contain only a-z, 0-9 and hyphens'];
  if (slug.startsWith('-') || slug.endsWith('-')) return ['slug must not start or end with a hyphen'];
  if (slug.slice(2, 4) === '--') return ['slug must not have hyphens in the third and fourth positions (reserved for IDN)'];
  if (!SLUG_PATTERN.test(slug)) return ['slug is not a valid DNS label'];
  if (RESERVED_SLUGS.has(slug)) return [`slug "${slug}" is reserved`];
  return [];
}
