import { Injectable } from '@nestjs/common';
import { DomainError, isUuid } from '#kernel';
import { type Principal, SignInSessions } from '#platform';
import type { Application } from '../../domain/application/application.js';
import { ApplicationRepository } from '../../domain/application/application.repository.js';
import { roleAllows } from '../../domain/membership/organization-role.js';
import type { Membership } from '../../domain/membership/membership.js';
import { MembershipRepository } from '../../domain/membership/membership.repository.js';
import type { Organization } from '../../domain/organization/organization.js';
import { OrganizationRepository } from '../../domain/organization/organization.repository.js';
import type { OrganizationPermission } from '../read-models.js';

export interface OrganizationGrant {
  tenantId: string;
  organization: Organization;
  /** The caller's live membership in that organization. */
  membership: Membership;
}

const notFound = (code: string, what: string, id: string) =>
  new DomainError(code, what === 'organization' ? `No organization ${id} you are a member of.` : `No ${what} ${id} in your organization.`);

export function permissionDenied(permission: OrganizationPermission, reason?: string): DomainError {
  return new DomainError('tenancy.permission_denied', reason ?? `Your role does not grant ${permission}.`, { permission });
}

/**
 * How every admin route decides: the organization must be in the caller's
 * tenant and be the organization of the caller's live, active membership
 * (anything else is "not found", so ids of other tenants reveal nothing),
 * the token's sign-in session must still be signed in (else 401, as for an
 * invalid token), and the membership's role must grant the permission (else
 * 403 naming it).
 * Client-credentials tokens carry no membership and hold no admin permission.
 */
@Injectable()
export class Access {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
    private readonly applications: ApplicationRepository,
    private readonly sessions: SignInSessions,
  ) {}

  async organization(principal: Principal, organizationId: string, permission: OrganizationPermission, code = 'tenancy.organization_not_found'): Promise<OrganizationGrant> {
    const tenantId = principal.tenantId;
    const missing = () => notFound(code, code === 'tenancy.organization_not_found' ? 'organization' : 'resource', organizationId);
    if (!tenantId || !isUuid(tenantId) || !isUuid(organizationId)) throw missing();
    const organization = await this.organizations.find(tenantId, organizationId);
    if (!organization) throw missing();
    if (principal.kind !== 'user' || !principal.membershipId || !isUuid(principal.membershipId)) {
      throw permissionDenied(permission, `Only a member acting in the organization may use ${permission}; client credentials carry no membership.`);
    }
    const membership = await this.memberships.find(tenantId, principal.membershipId);
    if (!membership || membership.organizationId !== organizationId || (principal.userId && membership.userId !== principal.userId)) throw missing();
    if (membership.status !== 'active') {
      throw new DomainError('tenancy.membership_inactive', `Your membership is ${membership.status}.`, { membershipStatus: membership.status, permission });
    }
    await this.sessions.ensureActive(principal);
    if (!roleAllows(membership.role, permission)) throw permissionDenied(permission);
    return { tenantId, organization, membership };
  }

  async application(principal: Principal, applicationId: string, permission: OrganizationPermission): Promise<OrganizationGrant & { application: Application }> {
    const tenantId = principal.tenantId;
    const missing = () => notFound('tenancy.application_not_found', 'application', applicationId);
    if (!tenantId || !isUuid(tenantId) || !isUuid(applicationId)) throw missing();
    const application = await this.applications.find(tenantId, applicationId);
    if (!application) throw missing();
    const grant = await this.organization(principal, application.organizationId, permission, 'tenancy.application_not_found').catch((error: unknown) => {
      throw error instanceof DomainError && error.code === 'tenancy.application_not_found' ? missing() : error;
    });
    return { ...grant, application };
  }

  /** A membership of the caller's tenant and organization, with the caller's grant; other ones are not found. */
  async membership(principal: Principal, membershipId: string, permission: OrganizationPermission): Promise<OrganizationGrant & { target: Membership }> {
    const tenantId = principal.tenantId;
    const missing = () => notFound('tenancy.membership_not_found', 'membership', membershipId);
    if (!tenantId || !isUuid(tenantId) || !isUuid(membershipId)) throw missing();
    const target = await this.memberships.find(tenantId, membershipId);
    if (!target || target.status === 'removed') throw missing();
    const grant = await this.organization(principal, target.organizationId, permission, 'tenancy.membership_not_found').catch((error: unknown) => {
      throw error instanceof DomainError && error.code === 'tenancy.membership_not_found' ? missing() : error;
    });
    return { ...grant, target };
  }
}
