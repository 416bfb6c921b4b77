import { ensureOwnerRemains } from './last-owner.js';
import { Membership } from './membership.js';
import { mayChangeMembership, roleAllows } from './organization-role.js';

const now = new Date('2026-01-05T09:30:00Z');
const TENANT = '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10';
const ORG = '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e11';
const owner = () => Membership.owner(TENANT, ORG, '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e12', now);

describe('membership', () => {
  it('starts an owner active with perm_ver and ent_ver 1', () => {
    expect(owner().snapshot()).toMatchObject({ role: 'owner', status: 'active', permVer: 1, entVer: 1 });
  });

  it('bumps perm_ver on suspend, reactivate, role change and removal', () => {
    const membership = owner();
    membership.suspend(now);
    membership.reactivate(now);
    membership.changeRole('admin', now);
    membership.remove(now);
    expect(membership.snapshot()).toMatchObject({ status: 'removed', role: 'admin', permVer: 5, entVer: 1 });
    expect(membership.pullEvents().map((event) => event.type)).toEqual([
      'membership.activated',
      'membership.suspended',
      'membership.reactivated',
      'membership.role_changed',
      'membership.removed',
    ]);
  });

  it('refuses transitions that make no sense', () => {
    const membership = owner();
    expect(() => membership.reactivate(now)).toThrow(expect.objectContaining({ code: 'tenancy.invalid_membership_state' }));
    membership.remove(now);
    expect(() => membership.suspend(now)).toThrow(expect.objectContaining({ code: 'tenancy.invalid_membership_state' }));
  });

  it('accepts an invitation once, binding the user', () => {
    const invited = Membership.invite(TENANT, ORG, ' Grace@Acme.example ', 'member', now);
    expect(invited.snapshot()).toMatchObject({ status: 'invited', userId: null, invitedEmail: 'grace@acme.example' });
    invited.accept('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e15', now);
    expect(invited.snapshot()).toMatchObject({ status: 'active', userId: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e15' });
    expect(() => invited.accept('0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e16', now)).toThrow();
  });
});

describe('the last active owner', () => {
  it('cannot be suspended, removed or demoted', () => {
    for (const change of [{ kind: 'suspend' }, { kind: 'remove' }, { kind: 'role', role: 'admin' }] as const) {
      expect(() => ensureOwnerRemains(owner(), change, 1)).toThrow(expect.objectContaining({ code: 'tenancy.last_owner' }));
    }
  });

  it('may change when another active owner remains', () => {
    expect(() => ensureOwnerRemains(owner(), { kind: 'remove' }, 2)).not.toThrow();
  });

  it('does not concern non-owners or suspended owners', () => {
    const admin = Membership.invite(TENANT, ORG, 'a@b.example', 'admin', now);
    expect(() => ensureOwnerRemains(admin, { kind: 'remove' }, 1)).not.toThrow();
    const suspended = owner();
    suspended.suspend(now);
    expect(() => ensureOwnerRemains(suspended, { kind: 'remove' }, 1)).not.toThrow();
  });
});

describe('organization roles', () => {
  it('gives members read access only', () => {
    expect(roleAllows('member', 'applications.read')).toBe(true);
    expect(roleAllows('member', 'members.read')).toBe(true);
    expect(roleAllows('member', 'organization.read')).toBe(true);
    expect(roleAllows('member', 'applications.manage')).toBe(false);
    expect(roleAllows('member', 'members.manage')).toBe(false);
    expect(roleAllows('member', 'audit.read')).toBe(false);
  });

  it('lets admins manage everyone but owners, and owners everyone', () => {
    expect(roleAllows('admin', 'clients.manage')).toBe(true);
    expect(mayChangeMembership('admin', 'member')).toBe(true);
    expect(mayChangeMembership('admin', 'admin')).toBe(true);
    expect(mayChangeMembership('admin', 'owner')).toBe(false);
    expect(mayChangeMembership('owner', 'owner')).toBe(true);
    expect(mayChangeMembership('member', 'member')).toBe(false);
  });
});
