import type { Tenant } from './tenant.js';

export abstract class TenantRepository {
  /** Fails with `tenancy.slug_taken` when the slug is in use. */
  abstract insert(tenant: Tenant): Promise<void>;
  abstract findById(id: string): Promise<Tenant | null>;
  /** Reads the tenant and locks its row until the transaction ends: quota checks count under this lock. */
  abstract lock(id: string): Promise<Tenant | null>;
}
