import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { RoleRepository } from '../../../domain/role/role.repository.js';
import { OwnedResources } from '../../services/owned-resources.js';
import { PermissionCatalog } from '../../services/permission-catalog.js';
import { PermVersions } from '../../services/perm-versions.js';
import { roleView, type RoleView } from '../../views.js';
import { UpdateRoleCommand } from './update-role.command.js';

/** A changed permission set bumps perm_ver of every holder, directly or through a group; a rename or an identical set bumps nothing. */
@CommandHandler(UpdateRoleCommand)
export class UpdateRoleHandler implements ICommandHandler<UpdateRoleCommand> {
  constructor(
    private readonly owned: OwnedResources,
    private readonly catalog: PermissionCatalog,
    private readonly roles: RoleRepository,
    private readonly versions: PermVersions,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, roleId, fields }: UpdateRoleCommand): Promise<RoleView> {
    return this.uow.run(async () => {
      const role = await this.owned.role(principal, roleId, 'authorization.manage');
      const before = roleView(role);
      const now = this.clock.now();
      let permissionsChanged = false;
      if (fields.permissions) {
        await this.catalog.ensureDeclared(role.scope.applicationId, fields.permissions);
        permissionsChanged = role.replacePermissions(fields.permissions, now);
      }
      role.describe(fields, now);
      await this.roles.update(role, permissionsChanged);
      if (permissionsChanged) await this.versions.bump(role.scope.tenantId, await this.roles.holders(role.scope.tenantId, role.id));
      const after = roleView(role);
      await this.audit.record({
        tenantId: role.scope.tenantId,
        organizationId: role.scope.organizationId,
        action: 'role.updated',
        target: { type: 'role', id: role.id, display: role.key },
        outcome: 'success',
        diff: {
          before: { name: before.name, description: before.description, permissions: before.permissions },
          after: { name: after.name, description: after.description, permissions: after.permissions },
        },
      });
      return after;
    });
  }
}
