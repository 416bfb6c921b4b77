import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { GetActiveManifestQuery } from '#authorization';
import { Clock, DomainError } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { Edition } from '../../../domain/product/edition.js';
import { EditionRepository } from '../../../domain/product/product.repository.js';
import { ProductAccess } from '../../services/product-access.js';
import { type EditionView, toEditionView } from '../../views.js';
import { CreateEditionCommand } from './create-edition.command.js';

@CommandHandler(CreateEditionCommand)
export class CreateEditionHandler implements ICommandHandler<CreateEditionCommand> {
  constructor(
    private readonly productAccess: ProductAccess,
    private readonly queryBus: QueryBus,
    private readonly editions: EditionRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, productId, fields }: CreateEditionCommand): Promise<EditionView> {
    return this.uow.run(async () => {
      const product = await this.productAccess.product(principal, productId, 'licensing.manage');
      const manifest = await this.queryBus.execute(new GetActiveManifestQuery(product.tenantId, product.applicationId));
      if (!manifest) {
        throw new DomainError('licensing.no_active_manifest', "The product's application has no active feature manifest; publish one before defining editions.", {
          applicationId: product.applicationId,
        });
      }
      const known = new Set(manifest.features.map((feature) => feature.key));
      const edition = Edition.create({ tenantId: product.tenantId, productId: product.id }, fields, known, this.clock.now());
      await this.editions.insert(edition);
      const view = toEditionView(edition);
      await this.audit.record({
        tenantId: product.tenantId,
        organizationId: product.organizationId,
        action: 'edition.created',
        target: { type: 'edition', id: edition.id, display: edition.code },
        outcome: 'success',
        diff: { after: { productId: product.id, ...fields, offlinePolicy: view.offlinePolicy, featureKeys: view.featureKeys } },
      });
      await this.uow.publish(edition.pullEvents());
      return view;
    });
  }
}
