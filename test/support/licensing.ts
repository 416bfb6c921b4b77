import { randomBytes } from 'node:crypto';
import type { TestNexinId } from './nexinid.js';
import { api } from './tenants.js';

export const MEMBER_PASSWORD = 'member horse battery staple';

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
