/** Organization-level permissions that govern the admin API. */
export type OrganizationPermission =
  | 'organization.read'
  | 'organization.manage'
  | 'members.read'
  | 'members.manage'
  | 'applications.read'
  | 'applications.manage'
  | 'clients.manage'
  | 'audit.read';

export type OrganizationRole = 'owner' | 'admin' | 'member';
export type MembershipStatus = 'invited' | 'active' | 'suspended' | 'removed';
export type ExternalConsumptionPolicy = 'none' | 'allowlist' | 'public';

export interface PlanQuotas {
  maxApplications: number;
  maxEnvironments: number;
  maxMembers: number;
  maxClientsPerApplication: number;
}

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
