import { AggregateRoot, DomainError, domainEvent, newId } from '#kernel';

export type EntitlementStatus = 'active' | 'suspended' | 'expired';

export interface EntitlementState {
  id: string;
  tenantId: string;
  organizationId: string;
  subscriptionId: string;
  productId: string;
  editionId: string;
  seatCount: number;
  validFrom: Date;
  validUntil: Date | null;
  status: EntitlementStatus;
  /** Memberships of the organization holding a seat. */
  seatHolders: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** Whether `at` falls in a validity window: from `validFrom` (inclusive) until `validUntil` (exclusive; open-ended when null). */
export function isWithinValidity(window: { validFrom: Date; validUntil: Date | null }, at: Date): boolean {
  return window.validFrom <= at && (!window.validUntil || window.validUntil > at);
}

export interface SeatChange {
  added: string[];
  removed: string[];
}

/**
 * A right to use one edition for up to `seatCount` memberships of the
 * organization, during its validity. Every change to who holds a seat or to
 * whether the entitlement counts reports the memberships it affects, so their
 * ent_ver can be bumped with it.
 */
export class Entitlement extends AggregateRoot {
  private constructor(private state: EntitlementState) {
    super();
  }

  static create(
    owner: { tenantId: string; organizationId: string; subscriptionId: string; productId: string },
    input: { editionId: string; seatCount: number; validFrom?: Date; validUntil?: Date | null },
    now: Date,
  ): Entitlement {
    const validFrom = input.validFrom ?? now;
    const validUntil = input.validUntil ?? null;
    if (validUntil && validUntil <= validFrom) {
      throw new DomainError('licensing.invalid_term', 'An entitlement must end after it starts.', { errors: [{ field: 'validUntil', message: 'validUntil must be after validFrom' }] });
    }
    const entitlement = new Entitlement({
      id: newId(now.getTime()),
      ...owner,
      editionId: input.editionId,
      seatCount: input.seatCount,
      validFrom,
      validUntil,
      status: 'active',
      seatHolders: [],
      createdAt: now,
      updatedAt: now,
    });
    entitlement.event('entitlement.created', now, { seatCount: input.seatCount });
    return entitlement;
  }

  static restore(state: EntitlementState): Entitlement {
    return new Entitlement({ ...state, seatHolders: [...state.seatHolders] });
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
  get status(): EntitlementStatus {
    return this.state.status;
  }
  get seatHolders(): readonly string[] {
    return this.state.seatHolders;
  }

  /** Replaces the seat holders; never more than the seat count, only while active. */
  assignSeats(membershipIds: readonly string[], now: Date): SeatChange {
    const wanted = [...new Set(membershipIds)];
    if (this.state.status !== 'active') {
      throw new DomainError('licensing.entitlement_not_active', `Seats of a ${this.state.status} entitlement cannot change.`, { status: this.state.status });
    }
    if (wanted.length > this.state.seatCount) {
      throw new DomainError('licensing.seat_limit_exceeded', `${wanted.length} seat holders requested; the entitlement has ${this.state.seatCount} seats.`, {
        requested: wanted.length,
        seatCount: this.state.seatCount,
      });
    }
    const before = new Set(this.state.seatHolders);
    const after = new Set(wanted);
    const change = { added: wanted.filter((id) => !before.has(id)), removed: [...before].filter((id) => !after.has(id)) };
    if (change.added.length + change.removed.length === 0) return change;
    this.state = { ...this.state, seatHolders: wanted.sort(), updatedAt: now };
    this.event('entitlement.seats_assigned', now, { ...change, seatHolders: this.state.seatHolders });
    return change;
  }

  /** Stops counting (seats stay assigned); answers the memberships affected. */
  suspend(now: Date): string[] {
    return this.transition('active', 'suspended', 'entitlement.suspended', now);
  }

  resume(now: Date): string[] {
    if (this.state.validUntil && this.state.validUntil <= now) {
      throw new DomainError('licensing.entitlement_not_active', 'The entitlement has passed its validity and cannot resume.', { status: this.state.status });
    }
    return this.transition('suspended', 'active', 'entitlement.resumed', now);
  }

  /** Marks an entitlement whose validity has ended as expired; answers the affected seat holders (none when it had not ended). */
  expire(now: Date): string[] {
    const validUntil = this.state.validUntil;
    if (this.state.status === 'expired' || !validUntil || validUntil > now) return [];
    this.state = { ...this.state, status: 'expired', updatedAt: now };
    this.event('entitlement.expired', now, { validUntil: validUntil.toISOString() });
    return [...this.state.seatHolders];
  }

  /** Whether the entitlement counts at `at`: active and within its validity. */
  isEffective(at: Date): boolean {
    return this.state.status === 'active' && isWithinValidity(this.state, at);
  }

  snapshot(): Readonly<EntitlementState> {
    return { ...this.state, seatHolders: [...this.state.seatHolders] };
  }

  private transition(from: EntitlementStatus, to: EntitlementStatus, type: string, now: Date): string[] {
    if (this.state.status === to) return [];
    if (this.state.status !== from) {
      throw new DomainError('licensing.invalid_entitlement_state', `A ${this.state.status} entitlement cannot become ${to}.`, { status: this.state.status });
    }
    this.state = { ...this.state, status: to, updatedAt: now };
    this.event(type, now, {});
    return [...this.state.seatHolders];
  }

  private event(type: string, now: Date, extra: Record<string, unknown>): void {
    const { id, organizationId, subscriptionId, editionId } = this.state;
    this.record(domainEvent(type, this.state.tenantId, id, { entitlementId: id, organizationId, subscriptionId, editionId, ...extra }, now));
  }
}
