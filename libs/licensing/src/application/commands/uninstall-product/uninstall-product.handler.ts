import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { InstallationRepository } from '../../../domain/installation/installation.repository.js';
import { ConsumerAccess } from '../../services/consumer-access.js';
import { EntitlementVersions } from '../../services/entitlement-versions.js';
import { SeatHolders } from '../../ports/seat-holders.js';
import { UninstallProductCommand } from './uninstall-product.command.js';

@CommandHandler(UninstallProductCommand)
export class UninstallProductHandler implements ICommandHandler<UninstallProductCommand> {
  constructor(
    private readonly consumerAccess: ConsumerAccess,
    private readonly installations: InstallationRepository,
    private readonly seatHolders: SeatHolders,
    private readonly versions: EntitlementVersions,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, installationId }: UninstallProductCommand): Promise<void> {
    await this.uow.run(async () => {
      const installation = await this.consumerAccess.installation(principal, installationId, 'licensing.manage');
      const holders = await this.seatHolders.ofInstallation(installation.tenantId, installation.id);
      installation.uninstall(this.clock.now());
      await this.installations.delete(installation);
      await this.versions.changed(installation.tenantId, holders);
      const { productId, editionId } = installation.snapshot();
      await this.audit.record({
        tenantId: installation.tenantId,
        organizationId: installation.organizationId,
        action: 'product.uninstalled',
        target: { type: 'installation', id: installation.id },
        outcome: 'success',
        diff: { before: { productId, editionId, seatHolders: holders.length } },
      });
      await this.uow.publish(installation.pullEvents());
    });
  }
}
