import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EditionRepository } from '../../../domain/product/product.repository.js';
import { ProductAccess } from '../../services/product-access.js';
import { type ProductView, toProductView } from '../../views.js';
import { GetProductQuery } from './get-product.query.js';

@QueryHandler(GetProductQuery)
export class GetProductHandler implements IQueryHandler<GetProductQuery> {
  constructor(
    private readonly productAccess: ProductAccess,
    private readonly editions: EditionRepository,
  ) {}

  async execute({ principal, productId }: GetProductQuery): Promise<ProductView> {
    const product = await this.productAccess.product(principal, productId, 'licensing.read');
    return toProductView(product, await this.editions.listByProduct(product.tenantId, product.id));
  }
}
