import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ConsumerAccess } from '../../services/consumer-access.js';
import { type SubscriptionView, toSubscriptionView } from '../../views.js';
import { GetSubscriptionQuery } from './get-subscription.query.js';

@QueryHandler(GetSubscriptionQuery)
export class GetSubscriptionHandler implements IQueryHandler<GetSubscriptionQuery> {
  constructor(private readonly consumerAccess: ConsumerAccess) {}

  async execute({ principal, subscriptionId }: GetSubscriptionQuery): Promise<SubscriptionView> {
    return toSubscriptionView(await this.consumerAccess.subscription(principal, subscriptionId, 'licensing.read'));
  }
}
