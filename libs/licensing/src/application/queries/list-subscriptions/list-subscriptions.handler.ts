import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
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

  async execute({ principal, organizationId }: ListSubscriptionsQuery): Promise<{ items: SubscriptionView[] }> {
    const { tenantId } = await this.access.organization(principal, organizationId, 'licensing.read');
    return { items: (await this.subscriptions.listByOrganization(tenantId, organizationId)).map(toSubscriptionView) };
  }
}
