import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { Role } from '../../../domain/role/role.js';
import { RoleRepository } from '../../../domain/role/role.repository.js';
import { AdminAccess } from '../../services/admin-access.js';
import { PermissionCatalog } from '../../services/permission-catalog.js';
import { roleView, type RoleView } from '../../views.js';
import { CreateRoleCommand } from './create-role.command.js';

/** A new role has no holders yet, so no perm_ver moves. */
@CommandHandler(CreateRoleCommand)
export class CreateRoleHandler implements ICommandHandler<CreateRoleCommand> {
  constructor(
    private readonly access: AdminAccess,
    private readonly catalog: PermissionCatalog,
    private readonly roles: RoleRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, applicationId, fields }: CreateRoleCommand): Promise<RoleView> {
    return this.uow.run(async () => {
      const application = await this.access.application(principal, applicationId, 'authorization.manage');
      await this.catalog.ensureDeclared(application.id, fields.permissions);
      const role = Role.create({ tenantId: application.tenantId, organizationId: application.organizationId, applicationId: application.id }, fields, this.clock.now());
      await this.roles.insert(role);
      const view = roleView(role);
      await this.audit.record({
        tenantId: application.tenantId,
        organizationId: application.organizationId,
        action: 'role.created',
        target: { type: 'role', id: role.id, display: role.key },
        outcome: 'success',
        diff: { after: { key: view.key, name: view.name, applicationId: view.applicationId, permissions: view.permissions } },
      });
      return view;
    });
  }
}
