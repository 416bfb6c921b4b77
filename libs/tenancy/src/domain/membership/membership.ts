import { AggregateRoot, DomainError, domainEvent, newId } from '#kernel';
import type { MembershipStatus, OrganizationRole } from './organization-role.js';

export interface MembershipState {
  id: string;
  tenantId: string;
  organizationId: string;
  /** Null while an invitation is pending (the person may not have an account yet). */
  userId: string | null;
  invitedEmail: string | null;
  role: OrganizationRole;
  status: MembershipStatus;
  /** Bumped on every change to what the membership may do; tokens carry it as `perm_ver`. */
  permVer: number;
  /** Bumped on entitlement changes (licensing); tokens carry it as `ent_ver`. */
  entVer: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A person's place in an organization: role, lifecycle, and the version counters tokens carry. */
export class Membership extends AggregateRoot {
  private constructor(private state: MembershipState) {
    super();
  }

  static owner(tenantId: string, organizationId: string, userId: string, now: Date): Membership {
    const membership = new Membership({
      id: newId(now.getTime()),
      tenantId,
      organizationId,
      userId,
      invitedEmail: null,
      role: 'owner',
      status: 'active',
      permVer: 1,
      entVer: 1,
      createdAt: now,
      updatedAt: now,
    });
    membership.event('membership.activated', now);
    return membership;
  }

  static invite(tenantId: string, organizationId: string, email: string, role: OrganizationRole, now: Date): Membership {
    const membership = new Membership({
      id: newId(now.getTime()),
      tenantId,
      organizationId,
      userId: null,
      invitedEmail: email.trim().toLowerCase(),
      role,
      status: 'invited',
      permVer: 1,
      entVer: 1,
      createdAt: now,
      updatedAt: now,
    });
    membership.event('membership.invited', now);
    return membership;
  }

  static restore(state: MembershipState): Membership {
    return new Membership({ ...state });
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
  get userId(): string | null {
    return this.state.userId;
  }
  get role(): OrganizationRole {
    return this.state.role;
  }
  get status(): MembershipStatus {
    return this.state.status;
  }
  get isActiveOwner(): boolean {
    return this.state.role === 'owner' && this.state.status === 'active';
  }

  accept(userId: string, now: Date): void {
    this.require(['invited'], 'accept');
    this.change({ userId, status: 'active' }, now, 'membership.accepted');
  }

  suspend(now: Date): void {
    this.require(['active'], 'suspend');
    this.change({ status: 'suspended' }, now, 'membership.suspended');
  }

  reactivate(now: Date): void {
    this.require(['suspended'], 'reactivate');
    this.change({ status: 'active' }, now, 'membership.reactivated');
  }

  remove(now: Date): void {
    this.require(['invited', 'active', 'suspended'], 'remove');
    this.change({ status: 'removed' }, now, 'membership.removed');
  }

  changeRole(role: OrganizationRole, now: Date): boolean {
    this.require(['invited', 'active', 'suspended'], 'change the role of');
    if (role === this.state.role) return false;
    this.change({ role }, now, 'membership.role_changed');
    return true;
  }

  snapshot(): Readonly<MembershipState> {
    return { ...this.state };
  }

  private require(allowed: MembershipStatus[], verb: string): void {
    if (allowed.includes(this.state.status)) return;
    throw new DomainError('tenancy.invalid_membership_state', `Cannot ${verb} a membership that is ${this.state.status}.`, {
      membershipStatus: this.state.status,
    });
  }

  /** Every change of role or status changes what the membership may do, so it bumps perm_ver. */
  private change(patch: Partial<MembershipState>, now: Date, type: string): void {
    this.state = { ...this.state, ...patch, permVer: this.state.permVer + 1, updatedAt: now };
    this.event(type, now);
  }

  private event(type: string, now: Date): void {
    const { id, organizationId, userId, role, status, permVer } = this.state;
    this.record(domainEvent(type, this.state.tenantId, id, { membershipId: id, organizationId, userId, role, status, permVer }, now));
  }
}
