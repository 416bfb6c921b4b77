import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainError } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { type DirectGrantRecord, newDirectGrant } from '../../../domain/grant/direct-grant.js';
import { GrantRepository } from '../../../domain/grant/grant.repository.js';
import { AdminAccess } from '../../services/admin-access.js';
import { PermissionCatalog } from '../../services/permission-catalog.js';
import { PermVersions } from '../../services/perm-versions.js';
import { CreateGrantCommand } from './create-grant.command.js';

@CommandHandler(CreateGrantCommand)
export class CreateGrantHandler implements ICommandHandler<CreateGrantCommand> {
  constructor(
    private readonly access: AdminAccess,
    private readonly catalog: PermissionCatalog,
    private readonly grants: GrantRepository,
    private readonly versions: PermVersions,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, membershipId, fields }: CreateGrantCommand): Promise<DirectGrantRecord> {
    return this.uow.run(async () => {
      const membership = await this.access.membership(principal, membershipId, 'authorization.manage');
      const application = await this.access.application(principal, fields.applicationId, 'authorization.manage');
      if (application.organizationId !== membership.organizationId) {
        throw new DomainError('authorization.application_not_found', `No application ${fields.applicationId} in the membership's organization.`);
      }
      const permission = { featureKey: fields.featureKey, actionKey: fields.actionKey };
      await this.catalog.ensureDeclared(application.id, [permission]);
      const grant = newDirectGrant(
        { tenantId: application.tenantId, organizationId: application.organizationId, applicationId: application.id, membershipId: membership.membershipId, ...permission },
        this.clock.now(),
      );
      await this.grants.insert(grant);
      await this.versions.bump(grant.tenantId, [grant.membershipId]);
      await this.audit.record({
        tenantId: grant.tenantId,
        organizationId: grant.organizationId,
        action: 'grant.created',
        target: { type: 'grant', id: grant.id, display: `${grant.featureKey}:${grant.actionKey}` },
        outcome: 'success',
        diff: { after: { membershipId: grant.membershipId, applicationId: grant.applicationId, ...permission } },
      });
      return grant;
    });
  }
}
