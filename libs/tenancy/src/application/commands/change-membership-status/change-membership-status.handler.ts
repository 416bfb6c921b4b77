import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { ensureOwnerRemains } from '../../../domain/membership/last-owner.js';
import { MembershipRepository } from '../../../domain/membership/membership.repository.js';
import { mayChangeMembership } from '../../../domain/membership/organization-role.js';
import { TenantRepository } from '../../../domain/tenant/tenant.repository.js';
import { Access, permissionDenied } from '../../services/access.js';
import { type MembershipDetails, toMembershipDetails } from '../../views.js';
import { ChangeMembershipStatusCommand } from './change-membership-status.command.js';

const ACTIONS = { suspend: 'membership.suspended', reactivate: 'membership.reactivated', remove: 'membership.removed' } as const;

@CommandHandler(ChangeMembershipStatusCommand)
export class ChangeMembershipStatusHandler implements ICommandHandler<ChangeMembershipStatusCommand> {
  constructor(
    private readonly access: Access,
    private readonly tenants: TenantRepository,
    private readonly memberships: MembershipRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, membershipId, change }: ChangeMembershipStatusCommand): Promise<MembershipDetails> {
    return this.uow.run(async () => {
      const { tenantId, membership: actor, target } = await this.access.membership(principal, membershipId, 'members.manage');
      if (!mayChangeMembership(actor.role, target.role)) throw permissionDenied('members.manage', "Only an owner may change an owner's membership.");
      // Serializes owner changes in the tenant so two owners cannot demote each other past the last one.
      await this.tenants.lock(tenantId);
      if (change !== 'reactivate') {
        ensureOwnerRemains(target, { kind: change }, await this.memberships.countActiveOwners(tenantId, target.organizationId));
      }
      const before = { status: target.status, permVer: target.snapshot().permVer };
      const now = this.clock.now();
      if (change === 'suspend') target.suspend(now);
      else if (change === 'reactivate') target.reactivate(now);
      else target.remove(now);
      await this.memberships.update(target);
      const { invitedEmail, userId, status, permVer } = target.snapshot();
      await this.audit.record({
        tenantId,
        organizationId: target.organizationId,
        action: ACTIONS[change],
        target: { type: 'membership', id: target.id, display: invitedEmail ?? userId ?? target.id },
        outcome: 'success',
        diff: { before, after: { status, permVer } },
      });
      await this.uow.publish(target.pullEvents());
      return toMembershipDetails(target);
    });
  }
}
