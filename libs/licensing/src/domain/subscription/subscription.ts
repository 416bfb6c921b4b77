import { AggregateRoot, DomainError, domainEvent, newId } from '#kernel';

export type SubscriptionStatus = 'active' | 'canceled';

export interface SubscriptionState {
  id: string;
  tenantId: string;
  organizationId: string;
  installationId: string;
  productId: string;
  editionId: string;
  seats: number;
  status: SubscriptionStatus;
  startsAt: Date;
  endsAt: Date | null;
  createdAt: Date;
}

export type SubscriptionInput = Pick<SubscriptionState, 'installationId' | 'productId' | 'editionId' | 'seats'> & { startsAt?: Date; endsAt?: Date | null };

/** A consumer organization's term and seat budget for an installed product; entitlements draw on the seats. */
export class Subscription extends AggregateRoot {
  private constructor(private readonly state: SubscriptionState) {
    super();
  }

  static create(owner: { tenantId: string; organizationId: string }, input: SubscriptionInput, now: Date): Subscription {
    const startsAt = input.startsAt ?? now;
    const endsAt = input.endsAt ?? null;
    if (endsAt && endsAt <= startsAt) {
      throw new DomainError('licensing.invalid_term', 'A subscription must end after it starts.', { errors: [{ field: 'endsAt', message: 'endsAt must be after startsAt' }] });
    }
    const { installationId, productId, editionId, seats } = input;
    const subscription = new Subscription({ id: newId(now.getTime()), ...owner, installationId, productId, editionId, seats, status: 'active', startsAt, endsAt, createdAt: now });
    subscription.record(domainEvent('subscription.created', owner.tenantId, subscription.id, { subscriptionId: subscription.id, installationId, editionId, seats }, now));
    return subscription;
  }

  static restore(state: SubscriptionState): Subscription {
    return new Subscription({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get tenantId(): string {
    return this.state.tenantId;
  }
  get organizationId(): string {
    return this.state.organizationId;
  }

  /** Entitlements share the subscription's seats: their seat counts may not add up to more. */
  ensureSeatsFor(seatCount: number, alreadyAllocated: number): void {
    if (this.state.status !== 'active') throw new DomainError('licensing.subscription_inactive', `The subscription is ${this.state.status}.`);
    if (alreadyAllocated + seatCount > this.state.seats) {
      throw new DomainError(
        'licensing.subscription_seats_exceeded',
        `The subscription has ${this.state.seats} seats, ${alreadyAllocated} already allocated to entitlements; ${seatCount} more do not fit.`,
        { seats: this.state.seats, allocated: alreadyAllocated, requested: seatCount },
      );
    }
  }

  snapshot(): Readonly<SubscriptionState> {
    return { ...this.state };
  }
}
