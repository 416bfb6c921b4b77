import type { AccessModel } from '../../domain/access/access-model.js';

/** Reads what decides a membership's access in one application (its roles, groups' roles, grants, applicable policies). */
export abstract class AccessModels {
  abstract load(scope: { tenantId: string; organizationId: string; membershipId: string; applicationId: string }): Promise<AccessModel>;
}
