import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, isUuid } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { GroupRepository } from '../../../domain/group/group.repository.js';
import { OwnedResources } from '../../services/owned-resources.js';
import { PermVersions } from '../../services/perm-versions.js';
import { RemoveGroupMemberCommand } from './remove-group-member.command.js';

@CommandHandler(RemoveGroupMemberCommand)
export class RemoveGroupMemberHandler implements ICommandHandler<RemoveGroupMemberCommand> {
  constructor(
    private readonly owned: OwnedResources,
    private readonly groups: GroupRepository,
    private readonly versions: PermVersions,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
  ) {}

  async execute({ principal, groupId, membershipId }: RemoveGroupMemberCommand): Promise<void> {
    await this.uow.run(async () => {
      const group = await this.owned.group(principal, groupId, 'authorization.manage');
      const confers = await this.groups.confersAccess(group.tenantId, group.id);
      if (!isUuid(membershipId) || !(await this.groups.removeMember(group.tenantId, group.id, membershipId))) {
        throw new DomainError('authorization.group_member_not_found', `The membership ${membershipId} is not in the group.`);
      }
      if (confers) await this.versions.bump(group.tenantId, [membershipId]);
      await this.audit.record({
        tenantId: group.tenantId,
        organizationId: group.organizationId,
        action: 'group.member_removed',
        target: { type: 'group', id: group.id, display: group.key },
        outcome: 'success',
        diff: { before: { membershipId } },
      });
    });
  }
}
