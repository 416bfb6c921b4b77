import type { ExternalConsumptionPolicy } from '../domain/application/application-key.js';
import type { MembershipStatus, OrganizationPermission, OrganizationRole } from '../domain/membership/organization-role.js';
import type { Quotas } from '../domain/plan/plan.js';

export type { ExternalConsumptionPolicy, MembershipStatus, OrganizationPermission, OrganizationRole };
/** A plan's quotas, as the domain defines them. */
export type PlanQuotas = Quotas;

/** A membership as other contexts see it (sign-in choice, token claims). */
export interface MembershipView {
  membershipId: string;
  userId: string;
  tenantId: string;
  tenantSlug: string;
  organizationId: string;
  organizationName: string;
  role: OrganizationRole;
  status: MembershipStatus;
  permVer: number;
  entVer: number;
}

export interface ApplicationView {
  id: string;
  tenantId: string;
  organizationId: string;
  key: string;
  name: string;
  status: 'active' | 'disabled';
  externalConsumptionPolicy: ExternalConsumptionPolicy;
  quotas: PlanQuotas;
}

/** Who owns an application and whether other tenants may consume it (marketplace eligibility). */
export interface ApplicationConsumptionView {
  applicationId: string;
  tenantId: string;
  organizationId: string;
  status: 'active' | 'disabled';
  externalConsumptionPolicy: ExternalConsumptionPolicy;
}

/**
 * ChangeSignals topic published (key: membership id) whenever a membership's
 * status, role, perm_ver or ent_ver changes, so caches of it can be dropped.
 */
export const MEMBERSHIP_CHANGED = 'tenancy.membership';

/** ChangeSignals topic published (key: organization id) when an organization changes (its name is part of MembershipView). */
export const ORGANIZATION_CHANGED = 'tenancy.organization';
