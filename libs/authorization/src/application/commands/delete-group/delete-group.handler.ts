import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuditTrail, UnitOfWork } from '#platform';
import { GroupRepository } from '../../../domain/group/group.repository.js';
import { OwnedResources } from '../../services/owned-resources.js';
import { PermVersions } from '../../services/perm-versions.js';
import { groupView } from '../../views.js';
import { DeleteGroupCommand } from './delete-group.command.js';

@CommandHandler(DeleteGroupCommand)
export class DeleteGroupHandler implements ICommandHandler<DeleteGroupCommand> {
  constructor(
    private readonly owned: OwnedResources,
    private readonly groups: GroupRepository,
    private readonly versions: PermVersions,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
  ) {}

  async execute({ principal, groupId }: DeleteGroupCommand): Promise<void> {
    await this.uow.run(async () => {
      const group = await this.owned.group(principal, groupId, 'authorization.manage');
      const members = (await this.groups.confersAccess(group.tenantId, group.id)) ? await this.groups.memberIds(group.tenantId, group.id) : [];
      await this.groups.delete(group);
      await this.versions.bump(group.tenantId, members);
      const { key, name, description } = groupView(group);
      await this.audit.record({
        tenantId: group.tenantId,
        organizationId: group.organizationId,
        action: 'group.deleted',
        target: { type: 'group', id: group.id, display: group.key },
        outcome: 'success',
        diff: { before: { key, name, description } },
      });
    });
  }
}
