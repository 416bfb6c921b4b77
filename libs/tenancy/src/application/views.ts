import type { Page } from '#kernel';
import type { Application } from '../domain/application/application.js';
import type { Environment } from '../domain/environment/environment.js';
import type { Membership } from '../domain/membership/membership.js';
import type { ApplicationView, ExternalConsumptionPolicy, MembershipStatus, MembershipView, OrganizationRole, PlanQuotas } from './read-models.js';

/** What the admin API answers for an application. */
export interface ApplicationDetails {
  id: string;
  organizationId: string;
  key: string;
  name: string;
  status: 'active' | 'disabled';
  externalConsumptionPolicy: ExternalConsumptionPolicy;
  createdAt: string;
  updatedAt: string;
}

export interface EnvironmentDetails {
  id: string;
  applicationId: string;
  key: string;
  name: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MembershipDetails {
  id: string;
  organizationId: string;
  userId: string | null;
  email: string | null;
  name: string | null;
  role: OrganizationRole;
  status: MembershipStatus;
  permVer: number;
  entVer: number;
  createdAt: string;
  updatedAt: string;
}

export type { Page } from '#kernel';

export function toApplicationDetails(application: Application): ApplicationDetails {
  const { id, organizationId, key, name, status, externalConsumptionPolicy, createdAt, updatedAt } = application.snapshot();
  return { id, organizationId, key, name, status, externalConsumptionPolicy, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

export function toApplicationView(application: Application, quotas: PlanQuotas): ApplicationView {
  const { id, tenantId, organizationId, key, name, status, externalConsumptionPolicy } = application.snapshot();
  return { id, tenantId, organizationId, key, name, status, externalConsumptionPolicy, quotas: { ...quotas } };
}

export function toEnvironmentDetails(environment: Environment): EnvironmentDetails {
  const { id, applicationId, key, name, description, createdAt, updatedAt } = environment.snapshot();
  return { id, applicationId, key, name, description, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

export function toMembershipDetails(membership: Membership, user?: { email: string; name: string }): MembershipDetails {
  const { id, organizationId, userId, invitedEmail, role, status, permVer, entVer, createdAt, updatedAt } = membership.snapshot();
  return {
    id,
    organizationId,
    userId,
    email: user?.email ?? invitedEmail,
    name: user?.name ?? null,
    role,
    status,
    permVer,
    entVer,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

/** Keyset pagination over uuidv7 ids: ask for one more than the limit to know whether a next page exists. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

export interface OrganizationDetails {
  id: string;
  tenantId: string;
  name: string;
  tenant: { slug: string; displayName: string; plan: string };
  quotas: PlanQuotas;
  /** What counts against MaxOrganizations and MaxApplications (the tenant's) and MaxMembers (this organization's). */
  usage: { organizations: number; applications: number; members: number };
  createdAt: string;
  updatedAt: string;
}

/** A new organization, and the caller's owner membership in it. */
export interface CreatedOrganization extends OrganizationDetails {
  membershipId: string;
}

/** What `GET /api/me` answers: the token's identity, and the membership it acts through as it is now. */
export interface CallerDetails {
  kind: 'user' | 'client';
  clientId: string;
  userId: string | null;
  tenantId: string | null;
  organizationId: string | null;
  membership: ({ id: string } & Pick<MembershipView, 'role' | 'status' | 'organizationName' | 'tenantSlug' | 'permVer' | 'entVer'>) | null;
  /** The user's active memberships in the token's tenant: the organizations a new sign-in may choose. */
  organizations: Array<Pick<MembershipView, 'membershipId' | 'organizationId' | 'organizationName' | 'tenantId' | 'tenantSlug' | 'role'>>;
  scopes: string[];
  tokenPermVer: number | null;
  tokenEntVer: number | null;
  expiresAt: string;
}
