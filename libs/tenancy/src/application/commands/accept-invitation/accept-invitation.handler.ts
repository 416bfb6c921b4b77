import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UserDirectory } from '../../ports/user-directory.js';
import { Clock, DomainError } from '#kernel';
import { AuditTrail, SecretHasher, UnitOfWork } from '#platform';
import { InvitationRepository } from '../../../domain/membership/invitation.repository.js';
import { MembershipRepository } from '../../../domain/membership/membership.repository.js';
import { passwordProblems } from '../../../domain/tenant/password-policy.js';
import { AcceptInvitationCommand, type AcceptedInvitation } from './accept-invitation.command.js';

const notFound = () => new DomainError('tenancy.invitation_not_found', 'This invitation does not exist or is no longer valid.');

@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand> {
  constructor(
    private readonly invitations: InvitationRepository,
    private readonly memberships: MembershipRepository,
    private readonly users: UserDirectory,
    private readonly hasher: SecretHasher,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ token, password, name }: AcceptInvitationCommand): Promise<AcceptedInvitation> {
    return this.uow.run(async () => {
      const invitation = await this.invitations.findByTokenHash(this.hasher.hash(token));
      if (!invitation) throw notFound();
      const { tenantId, organizationId } = invitation.snapshot();
      const membership = await this.memberships.find(tenantId, invitation.membershipId);
      if (!membership || membership.status !== 'invited') throw notFound();
      const now = this.clock.now();
      invitation.accept(now);
      if (!password) {
        throw new DomainError('tenancy.password_required', 'A password is required to accept the invitation.', {
          errors: [{ field: 'password', message: 'password is required (your current one if you already have an account)' }],
        });
      }
      const existing = await this.users.findByEmail(invitation.email);
      if (!existing) {
        const weak = passwordProblems(password, invitation.email);
        if (weak.length > 0) throw new DomainError('tenancy.weak_password', weak[0], { errors: weak.map((message) => ({ field: 'password', message })) });
      }
      const displayName = name?.trim() || existing?.name || invitation.email.split('@')[0];
      const { userId, created } = await this.users.register(invitation.email, password, displayName);
      if (await this.memberships.findCurrent(tenantId, organizationId, { userId })) {
        throw new DomainError('tenancy.already_member', 'You are already a member of this organization.');
      }
      membership.accept(userId, now);
      await this.memberships.update(membership);
      await this.invitations.update(invitation);
      await this.audit.record({
        tenantId,
        organizationId,
        action: 'membership.accepted',
        actor: { type: 'user', id: userId, display: invitation.email },
        target: { type: 'membership', id: membership.id, display: invitation.email },
        outcome: 'success',
        diff: { before: { status: 'invited' }, after: { status: membership.status, userId, userCreated: created } },
      });
      await this.uow.publish(membership.pullEvents());
      return { membershipId: membership.id, tenantId, organizationId, userId, role: membership.role, status: membership.status, userCreated: created };
    });
  }
}
