import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { EditionRepository, ProductRepository } from '../../../domain/product/product.repository.js';
import { ProductAccess } from '../../services/product-access.js';
import { type ProductView, toProductView } from '../../views.js';
import { PublishProductCommand } from './publish-product.command.js';

@CommandHandler(PublishProductCommand)
export class PublishProductHandler implements ICommandHandler<PublishProductCommand> {
  constructor(
    private readonly productAccess: ProductAccess,
    private readonly products: ProductRepository,
    private readonly editions: EditionRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, productId }: PublishProductCommand): Promise<ProductView> {
    return this.uow.run(async () => {
      const product = await this.productAccess.product(principal, productId, 'licensing.manage');
      if (product.publish(this.clock.now())) {
        await this.products.update(product);
        await this.audit.record({
          tenantId: product.tenantId,
          organizationId: product.organizationId,
          action: 'product.published',
          target: { type: 'product', id: product.id, display: product.snapshot().name },
          outcome: 'success',
          diff: { before: { status: 'draft' }, after: { status: 'published' } },
        });
        await this.uow.publish(product.pullEvents());
      }
      return toProductView(product, await this.editions.listByProduct(product.tenantId, product.id));
    });
  }
}
