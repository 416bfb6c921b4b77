import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { OrganizationRepository } from '../../../domain/organization/organization.repository.js';
import { Access } from '../../services/access.js';
import { OrganizationDetailsReader } from '../../services/organization-details.js';
import type { OrganizationDetails } from '../../views.js';
import { RenameOrganizationCommand } from './rename-organization.command.js';

@CommandHandler(RenameOrganizationCommand)
export class RenameOrganizationHandler implements ICommandHandler<RenameOrganizationCommand> {
  constructor(
    private readonly access: Access,
    private readonly organizations: OrganizationRepository,
    private readonly details: OrganizationDetailsReader,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, organizationId, name }: RenameOrganizationCommand): Promise<OrganizationDetails> {
    return this.uow.run(async () => {
      const { tenantId, organization } = await this.access.organization(principal, organizationId, 'organization.manage');
      const change = organization.rename(name, this.clock.now());
      if (change) {
        await this.organizations.update(organization);
        await this.audit.record({
          tenantId,
          organizationId,
          action: 'organization.updated',
          target: { type: 'organization', id: organizationId, display: change.after },
          outcome: 'success',
          diff: { before: { name: change.before }, after: { name: change.after } },
        });
        await this.uow.publish(organization.pullEvents());
      }
      return this.details.describe(organization);
    });
  }
}
