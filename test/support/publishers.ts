import type { TestNexinId } from './nexinid.js';
import { api } from './tenants.js';

export const PUBLISH_SCOPE = 'nexidentity.runtime_manifest_publish';

export interface ProvisionedClient {
  clientId: string;
  clientSecret: string;
  name: string;
}

/** Provisions a client of `type` on an application through the admin API. */
export async function provisionClient(nexinid: TestNexinId, adminToken: string, applicationId: string, type = 'ManifestPublisher'): Promise<ProvisionedClient> {
  const response = await api(nexinid, adminToken).post(`/api/applications/${applicationId}/clients`, { type, name: `${type} ${Date.now()}` });
  if (response.status !== 201) throw new Error(`client provisioning failed: ${JSON.stringify(response.body)}`);
  return { clientId: response.body.clientId, clientSecret: response.body.clientSecret, name: response.body.name };
}

export const basicAuth = (clientId: string, secret: string) => `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;

/** A client-credentials access token, as a CI pipeline gets it. */
export async function clientToken(nexinid: TestNexinId, client: ProvisionedClient, scope?: string): Promise<string> {
  const response = await fetch(`${nexinid.baseUrl}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basicAuth(client.clientId, client.clientSecret) },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) }),
  });
  const body = (await response.json()) as Record<string, string>;
  if (response.status !== 200) throw new Error(`client credentials failed: ${JSON.stringify(body)}`);
  return body.access_token;
}

/** PUT /api/runtime/applications/{key}/manifest with the given Authorization header. */
export async function publishManifest(nexinid: TestNexinId, authorization: string | undefined, applicationKey: string, document: unknown, query = '') {
  const response = await fetch(`${nexinid.baseUrl}/api/runtime/applications/${encodeURIComponent(applicationKey)}/manifest${query ? `?${query}` : ''}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(document),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** Publishes a manifest with one `view` action per feature key through a fresh ManifestPublisher of the application. */
export async function publishFeatures(nexinid: TestNexinId, adminToken: string, application: { id: string; key: string }, featureKeys: string[]): Promise<void> {
  const publisher = await provisionClient(nexinid, adminToken, application.id);
  const document = { features: featureKeys.map((key) => ({ key, name: key, actions: [{ key: 'view' }] })) };
  const published = await publishManifest(nexinid, basicAuth(publisher.clientId, publisher.clientSecret), application.key, document);
  if (published.status !== 200) throw new Error(`manifest publish failed: ${JSON.stringify(published.body)}`);
}
