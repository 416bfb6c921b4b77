import type { Page, PageQuery } from '#kernel';
import type { Entitlement } from './entitlement.js';

export abstract class EntitlementRepository {
  abstract insert(entitlement: Entitlement): Promise<void>;
  /** Writes status, validity and the seat holders. */
  abstract update(entitlement: Entitlement): Promise<void>;
  abstract find(tenantId: string, id: string): Promise<Entitlement | null>;
  /** Reads and locks the entitlement until the transaction ends (seat changes). */
  abstract lock(tenantId: string, id: string): Promise<Entitlement | null>;
  abstract pageBySubscription(tenantId: string, subscriptionId: string, page: PageQuery): Promise<Page<Entitlement>>;
  /**
   * Locks up to `limit` entitlements still marked active whose validity ended
   * by `now`, skipping rows another instance holds (FOR UPDATE SKIP LOCKED).
   */
  abstract claimExpired(now: Date, limit: number): Promise<Entitlement[]>;
  /** Seats already allocated to the subscription's entitlements. */
  abstract allocatedSeats(tenantId: string, subscriptionId: string): Promise<number>;
}
