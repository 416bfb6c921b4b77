import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError, isUuid } from '#kernel';
import type { Principal } from '#platform';
import { FeatureLicensing } from '../ports/feature-licensing.js';
import { AuthorizeApplicationQuery, AuthorizeOrganizationQuery, GetMembershipQuery, type MembershipView } from '#tenancy';

export type AdminPermission = 'authorization.read' | 'authorization.manage';

/** An application as an organization administers it: its id, and the tenant and organization its roles, grants and policies belong to. */
export interface ApplicationScope {
  id: string;
  tenantId: string;
  organizationId: string;
}

const notFound = (code: string, what: string, id: string) => new DomainError(code, `No ${what} ${id} in your organization.`);

/**
 * Admin routes decide through tenancy: the caller must act in the owning
 * organization of its own tenant with authorization.read or .manage. Anything
 * outside it is "not found" under this context's own code, so ids of other
 * tenants reveal nothing.
 */
@Injectable()
export class AdminAccess {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly licensing: FeatureLicensing,
  ) {}

  /**
   * The application as the caller administers it: one of its organization's
   * own, or a vendor's application whose marketplace product the caller's
   * organization installed (its roles, grants and policies then belong to the
   * caller's organization).
   */
  async application(principal: Principal, applicationId: string, permission: AdminPermission): Promise<ApplicationScope> {
    const missing = () => notFound('authorization.application_not_found', 'application', applicationId);
    try {
      const own = await this.queryBus.execute(new AuthorizeApplicationQuery(principal, applicationId, permission));
      return { id: own.id, tenantId: own.tenantId, organizationId: own.organizationId };
    } catch (error) {
      const organizationId = principal.organizationId;
      if (!isNotFound(error) || !organizationId || !isUuid(applicationId) || !(await this.licensing.hasInstalled(organizationId, applicationId))) {
        throw isNotFound(error) ? missing() : error;
      }
      const tenantId = await this.organization(principal, organizationId, permission, missing);
      return { id: applicationId, tenantId, organizationId };
    }
  }

  /** Authorizes the caller in `organizationId`, reporting a miss as `missing` (the resource the caller asked for). */
  async organization(principal: Principal, organizationId: string, permission: AdminPermission, missing: () => DomainError): Promise<string> {
    const { tenantId } = await this.queryBus.execute(new AuthorizeOrganizationQuery(principal, organizationId, permission)).catch((error: unknown) => {
      throw isNotFound(error) ? missing() : error;
    });
    return tenantId;
  }

  /** A membership with a user, of the caller's tenant, in an organization the caller administers. */
  async membership(principal: Principal, membershipId: string, permission: AdminPermission): Promise<MembershipView> {
    const missing = () => notFound('authorization.membership_not_found', 'membership', membershipId);
    const view = isUuid(membershipId) ? await this.queryBus.execute(new GetMembershipQuery(membershipId)) : null;
    if (!view || view.tenantId !== principal.tenantId || view.status === 'removed') throw missing();
    await this.organization(principal, view.organizationId, permission, missing);
    return view;
  }

  /** Loads a resource of the caller's tenant by id and authorizes the caller in its organization. */
  async owned<T>(principal: Principal, id: string, what: string, permission: AdminPermission, load: (tenantId: string) => Promise<T | null>, organizationOf: (found: T) => string): Promise<T> {
    const missing = () => notFound(`authorization.${what.replace(' ', '_')}_not_found`, what, id);
    const found = principal.tenantId && isUuid(id) && isUuid(principal.tenantId) ? await load(principal.tenantId) : null;
    if (!found) throw missing();
    await this.organization(principal, organizationOf(found), permission, missing);
    return found;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof DomainError && error.code.startsWith('tenancy.') && error.code.endsWith('_not_found');
}
