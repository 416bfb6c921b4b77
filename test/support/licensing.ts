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

type AdminApi = ReturnType<typeof api>;

/**
 * Licenses members of the organization for an application of its own (a vendor licensing its own
 * organization): a private product with one published edition unlocking `featureKeys`, installed,
 * subscribed and entitled with 5 seats, held by `membershipIds`. Answers the entitlement id.
 */
export async function licenseOwnMembers(admin: AdminApi, organizationId: string, applicationId: string, featureKeys: string[], membershipIds: string[]): Promise<string> {
  const created = async (path: string, body: unknown, method: 'post' | 'put' = 'post') => {
    const response = await admin[method](path, body);
    if (response.status !== 201 && response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string };
  };
  const product = await created(`/api/licensing/organizations/${organizationId}/products`, { applicationId, name: 'Product', visibility: 'private' });
  const edition = await created(`/api/licensing/products/${product.id}/editions`, { ...EDITION, code: 'pro', featureKeys });
  await created(`/api/licensing/products/${product.id}/publish`, {});
  await created(`/api/licensing/editions/${edition.id}/publish`, {});
  const installation = await created(`/api/licensing/organizations/${organizationId}/product-installations`, { productId: product.id, editionId: edition.id });
  const subscription = await created(`/api/licensing/organizations/${organizationId}/subscriptions`, { installationId: installation.id, editionId: edition.id, seats: 5 });
  const entitlement = await created(`/api/licensing/subscriptions/${subscription.id}/entitlements`, { editionId: edition.id, seatCount: 5 });
  await created(`/api/licensing/entitlements/${entitlement.id}/seats`, { membershipIds }, 'put');
  return entitlement.id;
}
