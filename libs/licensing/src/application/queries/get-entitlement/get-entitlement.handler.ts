import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ConsumerAccess } from '../../services/consumer-access.js';
import { type EntitlementView, toEntitlementView } from '../../views.js';
import { GetEntitlementQuery } from './get-entitlement.query.js';

@QueryHandler(GetEntitlementQuery)
export class GetEntitlementHandler implements IQueryHandler<GetEntitlementQuery> {
  constructor(private readonly consumerAccess: ConsumerAccess) {}

  async execute({ principal, entitlementId }: GetEntitlementQuery): Promise<EntitlementView> {
    return toEntitlementView(await this.consumerAccess.entitlement(principal, entitlementId, 'licensing.read'));
  }
}
