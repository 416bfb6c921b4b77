import type { Organization } from './organization.js';

export abstract class OrganizationRepository {
  /** Fails with `tenancy.organization_name_taken` when the tenant has an organization of that name (in any case). */
  abstract insert(organization: Organization): Promise<void>;
  /** Fails like `insert` when the new name is taken. */
  abstract update(organization: Organization): Promise<void>;
  abstract countByTenant(tenantId: string): Promise<number>;
  /** Null when the organization is not in `tenantId`. */
  abstract find(tenantId: string, id: string): Promise<Organization | null>;
}
