import type { Installation } from './installation.js';

export abstract class InstallationRepository {
  /** Fails with `licensing.already_installed` when the organization installed the product already. */
  abstract insert(installation: Installation): Promise<void>;
  /** Deletes the installation with its subscriptions, entitlements and seats. */
  abstract delete(installation: Installation): Promise<void>;
  abstract find(tenantId: string, id: string): Promise<Installation | null>;
  abstract listByOrganization(tenantId: string, organizationId: string): Promise<Installation[]>;
}
