/**
 * What the OAuth server needs to know from the marketplace, declared here and
 * answered by the licensing context (which depends on identity, not the
 * other way round).
 */
export abstract class MarketplaceLicensing {
  /** Of `organizationIds`, those that installed a product of the application. */
  abstract installedOrganizations(applicationId: string, organizationIds: readonly string[]): Promise<string[]>;

  /** Edition codes the membership holds a seat for now (the `entitled_editions` hint). */
  abstract entitledEditions(tenantId: string, membershipId: string): Promise<string[]>;
}
