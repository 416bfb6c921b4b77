import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UserDirectory } from '../../ports/user-directory.js';
import { Clock, DomainError } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { Membership } from '../../../domain/membership/membership.js';
import { MembershipRepository } from '../../../domain/membership/membership.repository.js';
import { Organization } from '../../../domain/organization/organization.js';
import { OrganizationRepository } from '../../../domain/organization/organization.repository.js';
import { passwordProblems } from '../../../domain/tenant/password-policy.js';
import { Tenant } from '../../../domain/tenant/tenant.js';
import { TenantRepository } from '../../../domain/tenant/tenant.repository.js';
import { RegisterTenantCommand, type RegisteredTenant } from './register-tenant.command.js';

@CommandHandler(RegisterTenantCommand)
export class RegisterTenantHandler implements ICommandHandler<RegisterTenantCommand> {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
    private readonly users: UserDirectory,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: RegisterTenantCommand): Promise<RegisteredTenant> {
    const { administrator } = command;
    const weak = passwordProblems(administrator.password, administrator.email);
    if (weak.length > 0) {
      throw new DomainError('tenancy.weak_password', weak[0], { errors: weak.map((message) => ({ field: 'administrator.password', message })) });
    }
    const now = this.clock.now();
    const tenant = Tenant.register(command, now);
    return this.uow.run(async () => {
      await this.tenants.insert(tenant);
      const organization = Organization.create(tenant.id, command.organizationName, now);
      await this.organizations.insert(organization);
      const { userId, created } = await this.users.register(administrator.email, administrator.password, administrator.name);
      const membership = Membership.owner(tenant.id, organization.id, userId, now);
      await this.memberships.insert(membership);
      const { displayName, plan } = tenant.snapshot();
      await this.audit.record({
        tenantId: tenant.id,
        organizationId: organization.id,
        action: 'tenant.registered',
        actor: { type: 'user', id: userId, display: administrator.email },
        target: { type: 'tenant', id: tenant.id, display: tenant.slug },
        outcome: 'success',
        diff: {
          after: {
            slug: tenant.slug,
            displayName,
            plan,
            organization: { id: organization.id, name: organization.name },
            administrator: { userId, email: administrator.email, created },
            membership: { id: membership.id, role: membership.role },
          },
        },
      });
      await this.uow.publish([...tenant.pullEvents(), ...organization.pullEvents(), ...membership.pullEvents()]);
      return { tenantId: tenant.id, organizationId: organization.id, userId, membershipId: membership.id, slug: tenant.slug };
    });
  }
}
