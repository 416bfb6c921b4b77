import type { AccessModel } from '../../domain/access/access-model.js';

/** Reads what decides a membership's access in one application (its roles, groups' roles, grants, applicable policies). */
export abstract class AccessModels {
  abstract load(scope: { tenantId: string; organizationId: string; membershipId: string; applicationId: string }): Promise<AccessModel>;
}

/** ChangeSignals topic (key: role id) sent when a role's permission set changes or the role is deleted. */
export const ROLE_PERMISSIONS_CHANGED = 'authorization.role';
