import type { Page, PageQuery } from '#kernel';
import type { Subscription } from './subscription.js';

export abstract class SubscriptionRepository {
  abstract insert(subscription: Subscription): Promise<void>;
  abstract find(tenantId: string, id: string): Promise<Subscription | null>;
  /** Reads and locks the subscription until the transaction ends (seat allocation). */
  abstract lock(tenantId: string, id: string): Promise<Subscription | null>;
  abstract pageByOrganization(tenantId: string, organizationId: string, page: PageQuery): Promise<Page<Subscription>>;
}
