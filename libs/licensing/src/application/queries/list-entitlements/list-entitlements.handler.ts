import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '#kernel';
import { EntitlementRepository } from '../../../domain/entitlement/entitlement.repository.js';
import { ConsumerAccess } from '../../services/consumer-access.js';
import { type EntitlementView, toEntitlementView } from '../../views.js';
import { ListEntitlementsQuery } from './list-entitlements.query.js';

@QueryHandler(ListEntitlementsQuery)
export class ListEntitlementsHandler implements IQueryHandler<ListEntitlementsQuery> {
  constructor(
    private readonly consumerAccess: ConsumerAccess,
    private readonly entitlements: EntitlementRepository,
  ) {}

  async execute({ principal, subscriptionId, page }: ListEntitlementsQuery): Promise<Page<EntitlementView>> {
    const subscription = await this.consumerAccess.subscription(principal, subscriptionId, 'licensing.read');
    const { items, nextCursor } = await this.entitlements.pageBySubscription(subscription.tenantId, subscription.id, page);
    return { items: items.map(toEntitlementView), nextCursor };
  }
}
