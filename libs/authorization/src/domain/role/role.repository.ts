import type { AffectedMemberships, Page, PageRequest } from '../keys.js';
import type { Role } from './role.js';

/** Roles of a tenant; a key taken in the application raises `authorization.role_key_taken`. */
export abstract class RoleRepository {
  abstract find(tenantId: string, roleId: string): Promise<Role | null>;
  abstract insert(role: Role): Promise<void>;
  abstract update(role: Role, permissionsChanged: boolean): Promise<void>;
  abstract delete(role: Role): Promise<void>;
  abstract list(tenantId: string, applicationId: string, page: PageRequest): Promise<Page<Role>>;
  /** Memberships holding the role, directly or through a group. */
  abstract holders(tenantId: string, roleId: string): Promise<string[]>;
  /** Removes the application's roles, grants and policies; answers who held any of them. */
  abstract deleteApplication(tenantId: string, applicationId: string): Promise<AffectedMemberships>;
}
