import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuditTrail, UnitOfWork } from '#platform';
import { GrantRepository } from '../../../domain/grant/grant.repository.js';
import { OwnedResources } from '../../services/owned-resources.js';
import { PermVersions } from '../../services/perm-versions.js';
import { DeleteGrantCommand } from './delete-grant.command.js';

@CommandHandler(DeleteGrantCommand)
export class DeleteGrantHandler implements ICommandHandler<DeleteGrantCommand> {
  constructor(
    private readonly owned: OwnedResources,
    private readonly grants: GrantRepository,
    private readonly versions: PermVersions,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
  ) {}

  async execute({ principal, grantId }: DeleteGrantCommand): Promise<void> {
    await this.uow.run(async () => {
      const grant = await this.owned.grant(principal, grantId, 'authorization.manage');
      await this.grants.delete(grant);
      await this.versions.bump(grant.tenantId, [grant.membershipId]);
      await this.audit.record({
        tenantId: grant.tenantId,
        organizationId: grant.organizationId,
        action: 'grant.deleted',
        target: { type: 'grant', id: grant.id, display: `${grant.featureKey}:${grant.actionKey}` },
        outcome: 'success',
        diff: { before: { membershipId: grant.membershipId, applicationId: grant.applicationId, featureKey: grant.featureKey, actionKey: grant.actionKey } },
      });
    });
  }
}
