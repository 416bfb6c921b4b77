import { randomBytes } from 'node:crypto';
import type { FeatureManifestDocument } from '#authorization';
import type { TestNexinId } from './nexinid.js';
import { basicAuth, provisionClient, publishManifest } from './publishers.js';
import { signIn } from './sign-in.js';
import { api, type RegisteredTenant } from './tenants.js';

export const MEMBER_PASSWORD = 'a long and unguessable passphrase';
export const APP_REDIRECT = 'https://app.example.com/callback';

export const REPORTS_MANIFEST: FeatureManifestDocument = {
  features: [
    { key: 'reports', name: 'Reports', actions: [{ key: 'view' }, { key: 'export' }] },
    { key: 'orders', name: 'Orders', actions: [{ key: 'approve' }, { key: 'view' }] },
  ],
};

/** Publishes `document` as the application's active manifest through a ManifestPublisher client; answers the version. */
export async function seedManifest(nexinid: TestNexinId, adminToken: string, application: { id: string; key: string }, document: FeatureManifestDocument = REPORTS_MANIFEST): Promise<number> {
  const publisher = await provisionClient(nexinid, adminToken, application.id);
  const published = await publishManifest(nexinid, basicAuth(publisher.clientId, publisher.clientSecret), application.key, document);
  if (published.status !== 200) throw new Error(`manifest publish failed: ${JSON.stringify(published.body)}`);
  return published.body.version as number;
}

/** An InteractiveWeb client of the application, so tokens signed in through it carry its client_id. */
export async function createAppClient(nexinid: TestNexinId, adminToken: string, applicationId: string): Promise<string> {
  const created = await api(nexinid, adminToken).post(`/api/applications/${applicationId}/clients`, { type: 'InteractiveWeb', name: 'App web', redirectUris: [APP_REDIRECT] });
  if (created.status !== 201) throw new Error(`client creation failed: ${JSON.stringify(created.body)}`);
  return created.body.clientId as string;
}

/** An Automation client of the application with the given scopes, and a function that fetches a client-credentials token. */
export async function createService(nexinid: TestNexinId, adminToken: string, applicationId: string, scopes = ['nexidentity.api', 'nexidentity.runtime_authorization']) {
  const created = await api(nexinid, adminToken).post(`/api/applications/${applicationId}/clients`, { type: 'Automation', name: 'Service', scopes });
  if (created.status !== 201) throw new Error(`service creation failed: ${JSON.stringify(created.body)}`);
  const { clientId, clientSecret } = created.body as { clientId: string; clientSecret: string };
  return async (): Promise<string> => {
    const response = await fetch(`${nexinid.baseUrl}/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: scopes.join(' ') }),
    });
    const body = (await response.json()) as { access_token: string };
    if (response.status !== 200) throw new Error(`client credentials failed: ${JSON.stringify(body)}`);
    return body.access_token;
  };
}

/** Invites a member, accepts with a new account; answers its membership id and email. */
export async function addMember(nexinid: TestNexinId, ownerToken: string, tenant: RegisteredTenant, role: 'admin' | 'member' = 'member') {
  const email = `${role}-${randomBytes(4).toString('hex')}@example.com`;
  const invited = await api(nexinid, ownerToken).post(`/api/organizations/${tenant.organizationId}/memberships`, { email, role });
  if (invited.status !== 201) throw new Error(`invitation failed: ${JSON.stringify(invited.body)}`);
  const accepted = await fetch(`${nexinid.baseUrl}/api/memberships/invitations/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: invited.body.invitationToken, password: MEMBER_PASSWORD, name: `A ${role}` }),
  });
  if (accepted.status !== 200) throw new Error(`acceptance failed: ${accepted.status}`);
  return { membershipId: invited.body.membership.id as string, email };
}

/** Signs a member in through the application's own client: its token names that application. */
export async function signInToApp(nexinid: TestNexinId, clientId: string, who: { email: string; password?: string }, organizationId: string) {
  return signIn(nexinid, { email: who.email, password: who.password ?? MEMBER_PASSWORD, organizationId, clientId, redirectUri: APP_REDIRECT, scope: 'openid tenant_context nexidentity.api' });
}

/** The membership's perm_ver as the admin API shows it. */
export async function permVerOf(nexinid: TestNexinId, ownerToken: string, organizationId: string, membershipId: string): Promise<number> {
  const listed = await api(nexinid, ownerToken).get(`/api/organizations/${organizationId}/memberships?limit=200`);
  const found = (listed.body.items as Array<{ id: string; permVer: number }>).find((item) => item.id === membershipId);
  if (!found) throw new Error(`membership ${membershipId} not listed: ${JSON.stringify(listed.body).slice(0, 300)}`);
  return found.permVer;
}
