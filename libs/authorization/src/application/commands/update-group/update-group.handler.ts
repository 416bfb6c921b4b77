import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { GroupRepository } from '../../../domain/group/group.repository.js';
import { OwnedResources } from '../../services/owned-resources.js';
import { groupView, type GroupView } from '../../views.js';
import { UpdateGroupCommand } from './update-group.command.js';

@CommandHandler(UpdateGroupCommand)
export class UpdateGroupHandler implements ICommandHandler<UpdateGroupCommand> {
  constructor(
    private readonly owned: OwnedResources,
    private readonly groups: GroupRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, groupId, fields }: UpdateGroupCommand): Promise<GroupView> {
    return this.uow.run(async () => {
      const group = await this.owned.group(principal, groupId, 'authorization.manage');
      const before = groupView(group);
      group.describe(fields, this.clock.now());
      await this.groups.update(group);
      const after = groupView(group);
      await this.audit.record({
        tenantId: group.tenantId,
        organizationId: group.organizationId,
        action: 'group.updated',
        target: { type: 'group', id: group.id, display: group.key },
        outcome: 'success',
        diff: { before: { name: before.name, description: before.description }, after: { name: after.name, description: after.description } },
      });
      return after;
    });
  }
}
