import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { Installation } from '../../../domain/installation/installation.js';
import { InstallationRepository } from '../../../domain/installation/installation.repository.js';
import { LicensingAccess } from '../../services/licensing-access.js';
import { MarketplaceEligibility } from '../../services/marketplace-eligibility.js';
import { type InstallationView, toInstallationView } from '../../views.js';
import { InstallProductCommand } from './install-product.command.js';

@CommandHandler(InstallProductCommand)
export class InstallProductHandler implements ICommandHandler<InstallProductCommand> {
  constructor(
    private readonly access: LicensingAccess,
    private readonly marketplace: MarketplaceEligibility,
    private readonly installations: InstallationRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, organizationId, productId, editionId }: InstallProductCommand): Promise<InstallationView> {
    return this.uow.run(async () => {
      const { tenantId } = await this.access.organization(principal, organizationId, 'licensing.manage');
      const { product, edition, vendorTenantId, eligibility } = await this.marketplace.eligibleOffer({ tenantId, organizationId }, productId, editionId);
      const installation = Installation.create(
        { tenantId, organizationId, productId: product.id, editionId: edition.id, applicationId: product.applicationId, vendorTenantId, vendorOrganizationId: product.organizationId },
        this.clock.now(),
      );
      await this.installations.insert(installation);
      await this.audit.record({
        tenantId,
        organizationId,
        action: 'product.installed',
        target: { type: 'installation', id: installation.id, display: product.snapshot().name },
        outcome: 'success',
        diff: { after: { productId: product.id, editionId: edition.id, applicationId: product.applicationId, eligibility: eligibility.reason } },
      });
      await this.uow.publish(installation.pullEvents());
      return toInstallationView(installation);
    });
  }
}
