/** Memberships holding seats under a consumer resource: whose ent_ver a removal bumps. */
export abstract class SeatHolders {
  abstract ofInstallation(tenantId: string, installationId: string): Promise<string[]>;
}
