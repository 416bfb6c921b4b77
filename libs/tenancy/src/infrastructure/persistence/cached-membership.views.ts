import { Injectable } from '@nestjs/common';
import { ChangeSignals, SignalledCache, UnitOfWork } from '#platform';
import { MembershipViews } from '../../application/ports/membership-views.js';
import { MEMBERSHIP_CHANGED, type MembershipView, ORGANIZATION_CHANGED } from '../../application/read-models.js';
import { TypeOrmMembershipViews } from './typeorm-membership.views.js';

/**
 * Memberships by id for the hot paths (token minting, runtime checks), kept
 * exact by ChangeSignals: every membership update and version bump signals
 * MEMBERSHIP_CHANGED in its transaction, an organization change (its name is
 * in the view) drops everything. Inside a command the database is read, so a
 * command sees its own uncommitted changes and nothing uncommitted is kept.
 * An unknown id is not kept either: an accepted invitation makes it exist.
 */
@Injectable()
export class CachedMembershipViews extends MembershipViews {
  readonly #byId: SignalledCache<MembershipView | null>;

  constructor(
    private readonly source: TypeOrmMembershipViews,
    private readonly uow: UnitOfWork,
    signals: ChangeSignals,
  ) {
    super();
    this.#byId = new SignalledCache(signals);
    signals.subscribe(MEMBERSHIP_CHANGED, (membershipId) => this.#byId.invalidate(membershipId));
    signals.subscribe(ORGANIZATION_CHANGED, () => this.#byId.clear());
  }

  find(membershipId: string): Promise<MembershipView | null> {
    if (this.uow.inTransaction) return this.source.find(membershipId);
    return this.#byId.get(membershipId, () => this.source.find(membershipId), (view) => view !== null);
  }

  /** Read live, in one statement: batch reads come from admin commands, which must see the current state. */
  findMany(membershipIds: string[]): Promise<MembershipView[]> {
    return this.source.findMany(membershipIds);
  }

  listActive(userId: string, tenantId: string | null): Promise<MembershipView[]> {
    return this.source.listActive(userId, tenantId);
  }
}
