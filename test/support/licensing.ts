import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { TestNexinId } from './nexinid.js';
import { api } from './tenants.js';

export const MEMBER_PASSWORD = 'member horse battery staple';

/**
 * Makes `features` the active manifest of an application by writing the
 * authz.manifests row the publish API would write. Stand-in until the
 * manifest publish API lands on this branch.
 */
export async function seedActiveManifest(nexinid: TestNexinId, tenantId: string, applicationId: string, featureKeys: string[]): Promise<void> {
  const content = { features: featureKeys.map((key) => ({ key, name: key, actions: [{ key: 'view', name: 'View' }] })) };
  await nexinid.app.get(DataSource).query(
    `INSERT INTO authz.manifests (id, tenant_id, application_id, version, content, content_hash, is_active, published_by, published_at)
     VALUES ($1, $2, $3, 1, $4::jsonb, $5, true, 'test', now())`,
    [randomUUID(), tenantId, applicationId, JSON.stringify(content), randomBytes(16).toString('hex')],
  );
}

/** Invites a member into the organization and accepts the invitation; answers its membership and credentials. */
export async function joinMember(nexinid: TestNexinId, ownerToken: string, organizationId: string, role: 'admin' | 'member' = 'member') {
  const email = `member-${randomBytes(4).toString('hex')}@example.com`;
  const invited = await api(nexinid, ownerToken).post(`/api/organizations/${organizationId}/memberships`, { email, role });
  if (invited.status !== 201) throw new Error(`invitation failed: ${JSON.stringify(invited.body)}`);
  const accepted = await fetch(`${nexinid.baseUrl}/api/memberships/invitations/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: invited.body.invitationToken, password: MEMBER_PASSWORD, name: 'Mo Member' }),
  });
  if (accepted.status !== 200) throw new Error(`acceptance failed: ${accepted.status} ${await accepted.text()}`);
  return { membershipId: invited.body.membership.id as string, email, password: MEMBER_PASSWORD };
}

export const EDITION = {
  name: 'Edition',
  activationRequiresApproval: false,
  devicesPerSeat: 2,
  offlinePolicy: { allowed: true, leaseDurationHours: 72, maxRenewals: 3 },
};
