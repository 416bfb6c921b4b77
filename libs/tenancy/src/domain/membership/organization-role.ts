/** Organization-level permissions that govern the admin API. */
export type OrganizationPermission =
  | 'organization.read'
  | 'organization.manage'
  | 'organizations.create'
  | 'members.read'
  | 'members.manage'
  | 'applications.read'
  | 'applications.manage'
  | 'clients.manage'
  | 'authorization.read'
  | 'authorization.manage'
  | 'licensing.read'
  | 'licensing.manage'
  | 'audit.read';

export type OrganizationRole = 'owner' | 'admin' | 'member';
export type MembershipStatus = 'invited' | 'active' | 'suspended' | 'removed';

export const ORGANIZATION_ROLES = ['owner', 'admin', 'member'] as const satisfies readonly OrganizationRole[];

export const ALL_PERMISSIONS: readonly OrganizationPermission[] = [
  'organization.read',
  'organization.manage',
  'organizations.create',
  'members.read',
  'members.manage',
  'applications.read',
  'applications.manage',
  'clients.manage',
  'authorization.read',
  'authorization.manage',
  'licensing.read',
  'licensing.manage',
  'audit.read',
];

/**
 * What each organization role may do in the admin API. Admins hold every
 * permission but, as `mayChangeMembership` says, cannot act on owners.
 */
export const ROLE_PERMISSIONS: Readonly<Record<OrganizationRole, ReadonlySet<OrganizationPermission>>> = {
  owner: new Set(ALL_PERMISSIONS),
  admin: new Set(ALL_PERMISSIONS),
  member: new Set<OrganizationPermission>(['organization.read', 'applications.read', 'members.read']),
};

export function roleAllows(role: OrganizationRole, permission: OrganizationPermission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/**
 * Whether an actor with `actorRole` may invite, suspend, remove or re-role a
 * membership whose role is (or would become) `targetRole`: only owners touch owners.
 */
export function mayChangeMembership(actorRole: OrganizationRole, targetRole: OrganizationRole): boolean {
  if (!roleAllows(actorRole, 'members.manage')) return false;
  return targetRole !== 'owner' || actorRole === 'owner';
}
