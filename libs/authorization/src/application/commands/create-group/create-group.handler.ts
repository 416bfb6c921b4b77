import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainError } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { GroupRepository } from '../../../domain/group/group.repository.js';
import { SecurityGroup } from '../../../domain/group/security-group.js';
import { AdminAccess } from '../../services/admin-access.js';
import { groupView, type GroupView } from '../../views.js';
import { CreateGroupCommand } from './create-group.command.js';

@CommandHandler(CreateGroupCommand)
export class CreateGroupHandler implements ICommandHandler<CreateGroupCommand> {
  constructor(
    private readonly access: AdminAccess,
    private readonly groups: GroupRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, organizationId, fields }: CreateGroupCommand): Promise<GroupView> {
    return this.uow.run(async () => {
      const tenantId = await this.access.organization(
        principal,
        organizationId,
        'authorization.manage',
        () => new DomainError('authorization.organization_not_found', `No organization ${organizationId} in your tenant.`),
      );
      const group = SecurityGroup.create({ tenantId, organizationId }, fields, this.clock.now());
      await this.groups.insert(group);
      const view = groupView(group);
      await this.audit.record({
        tenantId,
        organizationId,
        action: 'group.created',
        target: { type: 'group', id: group.id, display: group.key },
        outcome: 'success',
        diff: { after: { key: view.key, name: view.name, description: view.description } },
      });
      return view;
    });
  }
}
