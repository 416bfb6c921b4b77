import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { ensureOwnerRemains } from '../../../domain/membership/last-owner.js';
import { MembershipRepository } from '../../../domain/membership/membership.repository.js';
import { mayChangeMembership } from '../../../domain/membership/organization-role.js';
import { TenantRepository } from '../../../domain/tenant/tenant.repository.js';
import { Access, permissionDenied } from '../../services/access.js';
import { type MembershipDetails, toMembershipDetails } from '../../views.js';
import { ChangeMembershipRoleCommand } from './change-membership-role.command.js';

@CommandHandler(ChangeMembershipRoleCommand)
export class ChangeMembershipRoleHandler implements ICommandHandler<ChangeMembershipRoleCommand> {
  constructor(
    private readonly access: Access,
    private readonly tenants: TenantRepository,
    private readonly memberships: MembershipRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, membershipId, role }: ChangeMembershipRoleCommand): Promise<MembershipDetails> {
    return this.uow.run(async () => {
      const { tenantId, membership: actor, target } = await this.access.membership(principal, membershipId, 'members.manage');
      if (!mayChangeMembership(actor.role, target.role) || !mayChangeMembership(actor.role, role)) {
        throw permissionDenied('members.manage', 'Only an owner may grant or change the owner role.');
      }
      await this.tenants.lock(tenantId);
      ensureOwnerRemains(target, { kind: 'role', role }, await this.memberships.countActiveOwners(tenantId, target.organizationId));
      const before = { role: target.role, permVer: target.snapshot().permVer };
      if (target.changeRole(role, this.clock.now())) {
        await this.memberships.update(target);
        const { invitedEmail, userId, permVer } = target.snapshot();
        await this.audit.record({
          tenantId,
          organizationId: target.organizationId,
          action: 'membership.role_changed',
          target: { type: 'membership', id: target.id, display: invitedEmail ?? userId ?? target.id },
          outcome: 'success',
          diff: { before, after: { role, permVer } },
        });
        await this.uow.publish(target.pullEvents());
      }
      return toMembershipDetails(target);
    });
  }
}
