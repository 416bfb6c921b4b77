import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ConsumerAccess } from '../../services/consumer-access.js';
import { type SeatsView, toSeatsView } from '../../views.js';
import { GetSeatsQuery } from './get-seats.query.js';

@QueryHandler(GetSeatsQuery)
export class GetSeatsHandler implements IQueryHandler<GetSeatsQuery> {
  constructor(private readonly consumerAccess: ConsumerAccess) {}

  async execute({ principal, entitlementId }: GetSeatsQuery): Promise<SeatsView> {
    return toSeatsView(await this.consumerAccess.entitlement(principal, entitlementId, 'licensing.read'));
  }
}
