import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainError } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { type GroupMember, GroupRepository } from '../../../domain/group/group.repository.js';
import { AdminAccess } from '../../services/admin-access.js';
import { OwnedResources } from '../../services/owned-resources.js';
import { PermVersions } from '../../services/perm-versions.js';
import { AddGroupMemberCommand } from './add-group-member.command.js';

/** Joining a group that holds roles or policies bumps the member's perm_ver. */
@CommandHandler(AddGroupMemberCommand)
export class AddGroupMemberHandler implements ICommandHandler<AddGroupMemberCommand> {
  constructor(
    private readonly access: AdminAccess,
    private readonly owned: OwnedResources,
    private readonly groups: GroupRepository,
    private readonly versions: PermVersions,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, groupId, membershipId }: AddGroupMemberCommand): Promise<GroupMember> {
    return this.uow.run(async () => {
      const group = await this.owned.group(principal, groupId, 'authorization.manage');
      const membership = await this.access.membership(principal, membershipId, 'authorization.manage');
      if (membership.organizationId !== group.organizationId) {
        throw new DomainError('authorization.membership_not_found', `No membership ${membershipId} in the group's organization.`);
      }
      const member = await this.groups.addMember(group.tenantId, group.id, membership.membershipId, this.clock.now());
      if (await this.groups.confersAccess(group.tenantId, group.id)) await this.versions.bump(group.tenantId, [membership.membershipId]);
      await this.audit.record({
        tenantId: group.tenantId,
        organizationId: group.organizationId,
        action: 'group.member_added',
        target: { type: 'group', id: group.id, display: group.key },
        outcome: 'success',
        diff: { after: { membershipId: membership.membershipId } },
      });
      return member;
    });
  }
}
