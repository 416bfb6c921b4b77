import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainError } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { Membership } from '../../../domain/membership/membership.js';
import { MembershipRepository } from '../../../domain/membership/membership.repository.js';
import { Organization } from '../../../domain/organization/organization.js';
import { OrganizationRepository } from '../../../domain/organization/organization.repository.js';
import { ensureWithinQuota, quotasOf } from '../../../domain/plan/plan.js';
import { TenantRepository } from '../../../domain/tenant/tenant.repository.js';
import { Access, permissionDenied } from '../../services/access.js';
import { OrganizationDetailsReader } from '../../services/organization-details.js';
import type { CreatedOrganization } from '../../views.js';
import { CreateOrganizationCommand } from './create-organization.command.js';

/**
 * An owner or admin of the token's organization creates another organization
 * of the tenant and becomes its owner. Both organizations' audit trails record
 * it: the new one's starts with its creation, and the acting one's members
 * see what was done from it.
 */
@CommandHandler(CreateOrganizationCommand)
export class CreateOrganizationHandler implements ICommandHandler<CreateOrganizationCommand> {
  constructor(
    private readonly access: Access,
    private readonly tenants: TenantRepository,
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
    private readonly details: OrganizationDetailsReader,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, name }: CreateOrganizationCommand): Promise<CreatedOrganization> {
    if (!principal.organizationId || !principal.userId) {
      throw permissionDenied('organizations.create', 'Only a member acting in an organization may create organizations; sign in with tenant_context.');
    }
    const acting = principal.organizationId;
    const userId = principal.userId;
    return this.uow.run(async () => {
      const { tenantId } = await this.access.organization(principal, acting, 'organizations.create');
      // The tenant row lock serializes concurrent creations, so the count below cannot be raced past the quota.
      const tenant = await this.tenants.lock(tenantId);
      if (!tenant) throw new DomainError('tenancy.organization_not_found', `No organization ${acting}.`);
      ensureWithinQuota('MaxOrganizations', quotasOf(tenant.plan).maxOrganizations, await this.organizations.countByTenant(tenantId), tenant.plan);
      const now = this.clock.now();
      const organization = Organization.create(tenantId, name, now);
      await this.organizations.insert(organization);
      const membership = Membership.owner(tenantId, organization.id, userId, now);
      await this.memberships.insert(membership);
      const after = { name: organization.name, createdFrom: acting, owner: { membershipId: membership.id, userId } };
      const target = { type: 'organization', id: organization.id, display: organization.name };
      await this.audit.record({ tenantId, organizationId: organization.id, action: 'organization.created', target, outcome: 'success', diff: { after } });
      await this.audit.record({ tenantId, organizationId: acting, action: 'organization.created', target, outcome: 'success', diff: { after } });
      await this.uow.publish([...organization.pullEvents(), ...membership.pullEvents()]);
      return { ...(await this.details.describe(organization)), membershipId: membership.id };
    });
  }
}
