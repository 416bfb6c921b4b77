import { Command } from '@nestjs/cqrs';

export interface RegisteredTenant {
  tenantId: string;
  organizationId: string;
  userId: string;
  membershipId: string;
  slug: string;
}

/**
 * Registers a tenant with its first organization and bootstrap administrator
 * (an owner membership), in one transaction: everything or nothing.
 */
export class RegisterTenantCommand extends Command<RegisteredTenant> {
  constructor(
    readonly slug: string,
    readonly displayName: string,
    readonly plan: string,
    readonly organizationName: string,
    readonly administrator: { email: string; password: string; name: string },
  ) {
    super();
  }
}
