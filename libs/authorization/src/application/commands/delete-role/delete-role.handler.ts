import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuditTrail, UnitOfWork } from '#platform';
import { RoleRepository } from '../../../domain/role/role.repository.js';
import { OwnedResources } from '../../services/owned-resources.js';
import { PermVersions } from '../../services/perm-versions.js';
import { roleView } from '../../views.js';
import { DeleteRoleCommand } from './delete-role.command.js';

@CommandHandler(DeleteRoleCommand)
export class DeleteRoleHandler implements ICommandHandler<DeleteRoleCommand> {
  constructor(
    private readonly owned: OwnedResources,
    private readonly roles: RoleRepository,
    private readonly versions: PermVersions,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
  ) {}

  async execute({ principal, roleId }: DeleteRoleCommand): Promise<void> {
    await this.uow.run(async () => {
      const role = await this.owned.role(principal, roleId, 'authorization.manage');
      const holders = role.permissions.length > 0 ? await this.roles.holders(role.scope.tenantId, role.id) : [];
      await this.roles.delete(role);
      await this.versions.bump(role.scope.tenantId, holders);
      const { key, name, applicationId, permissions } = roleView(role);
      await this.audit.record({
        tenantId: role.scope.tenantId,
        organizationId: role.scope.organizationId,
        action: 'role.deleted',
        target: { type: 'role', id: role.id, display: role.key },
        outcome: 'success',
        diff: { before: { key, name, applicationId, permissions } },
      });
    });
  }
}
