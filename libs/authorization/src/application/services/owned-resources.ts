import { Injectable } from '@nestjs/common';
import type { Principal } from '#platform';
import type { DirectGrantRecord } from '../../domain/grant/direct-grant.js';
import { GrantRepository } from '../../domain/grant/grant.repository.js';
import { GroupRepository } from '../../domain/group/group.repository.js';
import type { SecurityGroup } from '../../domain/group/security-group.js';
import type { ResourcePolicyRecord } from '../../domain/policy/resource-policy.js';
import { ResourcePolicyRepository } from '../../domain/policy/resource-policy.repository.js';
import type { Role } from '../../domain/role/role.js';
import { RoleRepository } from '../../domain/role/role.repository.js';
import { AdminAccess, type AdminPermission } from './admin-access.js';

/** RBAC resources of the caller's tenant, loaded by id once the caller is authorized in their organization (404 otherwise). */
@Injectable()
export class OwnedResources {
  constructor(
    private readonly access: AdminAccess,
    private readonly groups: GroupRepository,
    private readonly roles: RoleRepository,
    private readonly grants: GrantRepository,
    private readonly policies: ResourcePolicyRepository,
  ) {}

  group(principal: Principal, id: string, permission: AdminPermission): Promise<SecurityGroup> {
    return this.access.owned(principal, id, 'group', permission, (tenantId) => this.groups.find(tenantId, id), (group) => group.organizationId);
  }

  role(principal: Principal, id: string, permission: AdminPermission): Promise<Role> {
    return this.access.owned(principal, id, 'role', permission, (tenantId) => this.roles.find(tenantId, id), (role) => role.scope.organizationId);
  }

  grant(principal: Principal, id: string, permission: AdminPermission): Promise<DirectGrantRecord> {
    return this.access.owned(principal, id, 'grant', permission, (tenantId) => this.grants.find(tenantId, id), (grant) => grant.organizationId);
  }

  policy(principal: Principal, id: string, permission: AdminPermission): Promise<ResourcePolicyRecord> {
    return this.access.owned(principal, id, 'resource policy', permission, (tenantId) => this.policies.find(tenantId, id), (policy) => policy.organizationId);
  }
}
