import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Clock, isUuid } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { GetApplicationConsumptionQuery } from '#tenancy';
import { Product } from '../../../domain/product/product.js';
import { ProductRepository } from '../../../domain/product/product.repository.js';
import { LicensingAccess, notFound } from '../../services/licensing-access.js';
import { type ProductView, toProductView } from '../../views.js';
import { CreateProductCommand } from './create-product.command.js';

@CommandHandler(CreateProductCommand)
export class CreateProductHandler implements ICommandHandler<CreateProductCommand> {
  constructor(
    private readonly access: LicensingAccess,
    private readonly queryBus: QueryBus,
    private readonly products: ProductRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, organizationId, fields }: CreateProductCommand): Promise<ProductView> {
    return this.uow.run(async () => {
      const { tenantId } = await this.access.organization(principal, organizationId, 'licensing.manage');
      const [application] = isUuid(fields.applicationId) ? await this.queryBus.execute(new GetApplicationConsumptionQuery([fields.applicationId])) : [];
      if (!application || application.tenantId !== tenantId || application.organizationId !== organizationId) {
        throw notFound('licensing.application_not_found', 'application', fields.applicationId);
      }
      const product = Product.create({ tenantId, organizationId, applicationId: application.applicationId }, fields, this.clock.now());
      await this.products.insert(product);
      await this.audit.record({
        tenantId,
        organizationId,
        action: 'product.created',
        target: { type: 'product', id: product.id, display: fields.name },
        outcome: 'success',
        diff: { after: { applicationId: fields.applicationId, name: fields.name, visibility: fields.visibility } },
      });
      await this.uow.publish(product.pullEvents());
      return toProductView(product, []);
    });
  }
}
