import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UserDirectory } from '../../ports/user-directory.js';
import { Clock, DomainError } from '#kernel';
import { AuditTrail, SecretHasher, UnitOfWork } from '#platform';
import { generateInvitationToken, Invitation } from '../../../domain/membership/invitation.js';
import { InvitationRepository } from '../../../domain/membership/invitation.repository.js';
import { Membership } from '../../../domain/membership/membership.js';
import { MembershipRepository } from '../../../domain/membership/membership.repository.js';
import { mayChangeMembership } from '../../../domain/membership/organization-role.js';
import { ensureWithinQuota, quotasOf } from '../../../domain/plan/plan.js';
import { TenantRepository } from '../../../domain/tenant/tenant.repository.js';
import { Access, permissionDenied } from '../../services/access.js';
import { toMembershipDetails } from '../../views.js';
import { InviteMemberCommand, type IssuedInvitation } from './invite-member.command.js';

const alreadyMember = () => new DomainError('tenancy.already_member', 'This person is already a member of, or invited to, the organization.');

@CommandHandler(InviteMemberCommand)
export class InviteMemberHandler implements ICommandHandler<InviteMemberCommand> {
  constructor(
    private readonly access: Access,
    private readonly tenants: TenantRepository,
    private readonly memberships: MembershipRepository,
    private readonly invitations: InvitationRepository,
    private readonly users: UserDirectory,
    private readonly hasher: SecretHasher,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, organizationId, email, role }: InviteMemberCommand): Promise<IssuedInvitation> {
    return this.uow.run(async () => {
      const { tenantId, membership: actor } = await this.access.organization(principal, organizationId, 'members.manage');
      if (!mayChangeMembership(actor.role, role)) throw permissionDenied('members.manage', 'Only an owner may invite an owner.');
      const tenant = await this.tenants.lock(tenantId);
      if (!tenant) throw new DomainError('tenancy.organization_not_found', `No organization ${organizationId}.`);
      const normalized = email.trim().toLowerCase();
      const user = await this.users.findByEmail(normalized);
      if (user && (await this.memberships.findCurrent(tenantId, organizationId, { userId: user.id }))) throw alreadyMember();
      if (await this.memberships.findCurrent(tenantId, organizationId, { email: normalized })) throw alreadyMember();
      ensureWithinQuota('MaxMembers', quotasOf(tenant.plan).maxMembers, await this.memberships.countCurrent(tenantId, organizationId), tenant.plan);

      const now = this.clock.now();
      const membership = Membership.invite(tenantId, organizationId, normalized, role, now);
      await this.memberships.insert(membership);
      const token = generateInvitationToken();
      const invitation = Invitation.issue({ tenantId, organizationId, membershipId: membership.id, email: normalized, tokenHash: this.hasher.hash(token) }, now);
      await this.invitations.insert(invitation);
      await this.audit.record({
        tenantId,
        organizationId,
        action: 'membership.invited',
        target: { type: 'membership', id: membership.id, display: normalized },
        outcome: 'success',
        diff: { after: { email: normalized, role, status: membership.status, expiresAt: invitation.expiresAt.toISOString() } },
      });
      await this.uow.publish(membership.pullEvents());
      return { membership: toMembershipDetails(membership), invitationToken: token, expiresAt: invitation.expiresAt.toISOString() };
    });
  }
}
