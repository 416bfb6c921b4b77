import type { Page, PageQuery } from '#kernel';
import type { Installation } from './installation.js';

export abstract class InstallationRepository {
  /** Fails with `licensing.already_installed` when the organization installed the product already. */
  abstract insert(installation: Installation): Promise<void>;
  /** Deletes the installation with its subscriptions, entitlements and seats. */
  abstract delete(installation: Installation): Promise<void>;
  abstract find(tenantId: string, id: string): Promise<Installation | null>;
  /** The organization's installations of these products (the catalog marks what it installed). */
  abstract findByProducts(tenantId: string, organizationId: string, productIds: string[]): Promise<Installation[]>;
  abstract pageByOrganization(tenantId: string, organizationId: string, page: PageQuery): Promise<Page<Installation>>;
}
