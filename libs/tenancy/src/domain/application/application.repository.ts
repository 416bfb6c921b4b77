import type { Application } from './application.js';

export abstract class ApplicationRepository {
  /** Fails with `tenancy.application_key_taken` when the key is used in the tenant. */
  abstract insert(application: Application): Promise<void>;
  abstract update(application: Application): Promise<void>;
  /** Deletes the application and its environments. */
  abstract delete(application: Application): Promise<void>;
  /** Null when the application is not in `tenantId`. */
  abstract find(tenantId: string, id: string): Promise<Application | null>;
  /** Null when the tenant has no application with that key. */
  abstract findByKey(tenantId: string, key: string): Promise<Application | null>;
  /** Reads and locks the row until the transaction ends (environment quota checks). */
  abstract lock(tenantId: string, id: string): Promise<Application | null>;
  /** Applications by id across tenants, for the marketplace's eligibility rules (never for admin routes). */
  abstract findMany(ids: readonly string[]): Promise<Application[]>;
  abstract countByTenant(tenantId: string): Promise<number>;
  abstract list(tenantId: string, organizationId: string, page: { limit: number; after?: string }): Promise<Application[]>;
}
