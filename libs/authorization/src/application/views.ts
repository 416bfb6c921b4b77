import type { SecurityGroup } from '../domain/group/security-group.js';
import type { Role } from '../domain/role/role.js';

export const roleView = (role: Role) => ({
  id: role.id,
  organizationId: role.scope.organizationId,
  applicationId: role.scope.applicationId,
  key: role.key,
  name: role.name,
  description: role.description,
  permissions: role.permissions,
  createdAt: role.createdAt.toISOString(),
  updatedAt: role.updatedAt.toISOString(),
});
export type RoleView = ReturnType<typeof roleView>;

export const groupView = (group: SecurityGroup) => ({
  id: group.id,
  organizationId: group.organizationId,
  key: group.key,
  name: group.name,
  description: group.description,
  createdAt: group.createdAt.toISOString(),
  updatedAt: group.updatedAt.toISOString(),
});
export type GroupView = ReturnType<typeof groupView>;
