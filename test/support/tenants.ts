import { randomBytes } from 'node:crypto';
import type { TestNexinId } from './nexinid.js';
import { bearer, signIn, type SignedIn } from './sign-in.js';

export interface RegisteredTenant {
  tenantId: string;
  organizationId: string;
  userId: string;
  membershipId: string;
  slug: string;
  email: string;
  password: string;
}

export const ADMIN_PASSWORD = 'correct horse battery staple';

/** Registers a tenant through the public API with a fresh slug and administrator. */
export async function registerTenant(nexinid: TestNexinId, overrides: { plan?: string; slug?: string; email?: string } = {}): Promise<RegisteredTenant> {
  const suffix = randomBytes(4).toString('hex');
  const slug = overrides.slug ?? `acme-${suffix}`;
  const email = overrides.email ?? `admin-${suffix}@example.com`;
  const response = await fetch(`${nexinid.baseUrl}/api/tenants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      slug,
      displayName: `Acme ${suffix}`,
      plan: overrides.plan ?? 'Team',
      organizationName: `Acme ${suffix} HQ`,
      administrator: { email, password: ADMIN_PASSWORD, name: 'Ada Admin' },
    }),
  });
  const body = (await response.json()) as Omit<RegisteredTenant, 'email' | 'password'>;
  if (response.status !== 201) throw new Error(`tenant registration failed: ${response.status} ${JSON.stringify(body)}`);
  return { ...body, email, password: ADMIN_PASSWORD };
}

export async function signInAdmin(nexinid: TestNexinId, tenant: RegisteredTenant): Promise<SignedIn> {
  return signIn(nexinid, { email: tenant.email, password: tenant.password, organizationId: tenant.organizationId });
}

/** A small JSON client for the admin API with a bearer token. */
export function api(nexinid: TestNexinId, accessToken: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${nexinid.baseUrl}${path}`, {
      method,
      headers: bearer(accessToken),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body ?? {}),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
    delete: (path: string) => call('DELETE', path),
  };
}

export async function createApplication(nexinid: TestNexinId, token: string, organizationId: string, key = `orders-${randomBytes(3).toString('hex')}`) {
  const response = await api(nexinid, token).post(`/api/organizations/${organizationId}/applications`, {
    key,
    name: 'Orders',
    externalConsumptionPolicy: 'none',
  });
  if (response.status !== 201) throw new Error(`application creation failed: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; key: string };
}
