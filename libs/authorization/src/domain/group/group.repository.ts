import type { Page, PageRequest } from '../keys.js';
import type { SecurityGroup } from './security-group.js';

export interface GroupMember {
  membershipId: string;
  addedAt: string;
}

/** Security groups and their members; a key taken in the organization raises `authorization.group_key_taken`. */
export abstract class GroupRepository {
  abstract find(tenantId: string, groupId: string): Promise<SecurityGroup | null>;
  abstract insert(group: SecurityGroup): Promise<void>;
  abstract update(group: SecurityGroup): Promise<void>;
  abstract delete(group: SecurityGroup): Promise<void>;
  abstract list(tenantId: string, organizationId: string, page: PageRequest): Promise<Page<SecurityGroup>>;
  /** Raises `authorization.already_group_member` when it is one. */
  abstract addMember(tenantId: string, groupId: string, membershipId: string, now: Date): Promise<GroupMember>;
  abstract removeMember(tenantId: string, groupId: string, membershipId: string): Promise<boolean>;
  abstract members(tenantId: string, groupId: string, page: PageRequest): Promise<Page<GroupMember>>;
  abstract memberIds(tenantId: string, groupId: string): Promise<string[]>;
  /** Whether joining or leaving the group can change what a member may do (it holds a non-empty role or a policy). */
  abstract confersAccess(tenantId: string, groupId: string): Promise<boolean>;
}
