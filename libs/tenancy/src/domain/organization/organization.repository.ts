import type { Organization } from './organization.js';

export abstract class OrganizationRepository {
  abstract insert(organization: Organization): Promise<void>;
  abstract update(organization: Organization): Promise<void>;
  /** Null when the organization is not in `tenantId`. */
  abstract find(tenantId: string, id: string): Promise<Organization | null>;
}
