import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError, isUuid } from '#kernel';
import type { Principal } from '#platform';
import { AuthorizeOrganizationQuery, type OrganizationAccess } from '#tenancy';
import type { LicensingErrorCode } from '../../licensing-errors.js';

export type LicensingPermission = 'licensing.read' | 'licensing.manage';

/**
 * Admin access to licensing resources, decided by tenancy: the caller must act
 * in the owning organization of its own tenant with the permission. A
 * resource of another organization or tenant is "not found" under the
 * resource's own code, so ids reveal nothing.
 */
@Injectable()
export class LicensingAccess {
  constructor(private readonly queryBus: QueryBus) {}

  organization(principal: Principal, organizationId: string, permission: LicensingPermission): Promise<OrganizationAccess> {
    return this.queryBus.execute(new AuthorizeOrganizationQuery(principal, organizationId, permission));
  }

  /** Access to a resource owned by `organizationId`, answering `notFound` for a foreign one. */
  async resource(principal: Principal, organizationId: string, permission: LicensingPermission, notFound: DomainError): Promise<OrganizationAccess> {
    try {
      return await this.organization(principal, organizationId, permission);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'tenancy.organization_not_found') throw notFound;
      throw error;
    }
  }
}

/** The caller's tenant when the id could name one of its rows; null means "not found" without a database read. */
export function tenantFor(principal: Principal, id: string): string | null {
  return principal.tenantId && isUuid(principal.tenantId) && isUuid(id) ? principal.tenantId : null;
}

export function notFound(code: LicensingErrorCode, what: string, id: string): DomainError {
  return new DomainError(code, `No ${what} ${id} in your organization.`);
}
