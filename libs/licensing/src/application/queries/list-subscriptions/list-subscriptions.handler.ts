import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '#kernel';
import { SubscriptionRepository } from '../../../domain/subscription/subscription.repository.js';
import { LicensingAccess } from '../../services/licensing-access.js';
import { type SubscriptionView, toSubscriptionView } from '../../views.js';
import { ListSubscriptionsQuery } from './list-subscriptions.query.js';

@QueryHandler(ListSubscriptionsQuery)
export class ListSubscriptionsHandler implements IQueryHandler<ListSubscriptionsQuery> {
  constructor(
    private readonly access: LicensingAccess,
    private readonly subscriptions: SubscriptionRepository,
  ) {}

  async execute({ principal, organizationId, page }: ListSubscriptionsQuery): Promise<Page<SubscriptionView>> {
    const { tenantId } = await this.access.organization(principal, organizationId, 'licensing.read');
    const { items, nextCursor } = await this.subscriptions.pageByOrganization(tenantId, organizationId, page);
    return { items: items.map(toSubscriptionView), nextCursor };
  }
}
