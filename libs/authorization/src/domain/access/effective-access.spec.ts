import { FeatureManifest } from '../manifest/feature-manifest.js';
import type { AccessModel, PolicyRule } from './access-model.js';
import { decide, decideAll } from './decision.js';
import { EffectiveAccess } from './effective-access.js';
import { PermissionSet } from './permission-set.js';

const manifest = new FeatureManifest('app', 3, {
  features: [
    { key: 'reports', name: 'Reports', actions: [{ key: 'view' }, { key: 'export' }] },
    { key: 'orders', name: 'Orders', actions: [{ key: 'approve' }] },
  ],
});
const view = { featureKey: 'reports', actionKey: 'view' };
const exportReports = { featureKey: 'reports', actionKey: 'export' };
const approve = { featureKey: 'orders', actionKey: 'approve' };

const policy = (overrides: Partial<PolicyRule>): PolicyRule => ({
  policyId: 'p1',
  subjectType: 'membership',
  subjectId: 'm1',
  ...view,
  resourceType: 'report',
  resourcePattern: '*',
  effect: 'allow',
  ...overrides,
});

const model = (overrides: Partial<AccessModel> = {}): AccessModel => ({
  roles: [{ roleId: 'r1', roleKey: 'viewer', permissions: new PermissionSet([view]), via: null }],
  grants: [],
  policies: [],
  ...overrides,
});

const input = (access: AccessModel, membershipActive = true) => ({ membershipActive, manifest, access: new EffectiveAccess(access) });

describe('EffectiveAccess and decide', () => {
  it('unions roles, group roles and direct grants, naming every source', () => {
    const access = new EffectiveAccess(
      model({
        roles: [
          { roleId: 'r1', roleKey: 'viewer', permissions: new PermissionSet([view]), via: null },
          { roleId: 'r2', roleKey: 'approver', permissions: new PermissionSet([view, approve]), via: { groupId: 'g1', groupKey: 'finance' } },
        ],
        grants: [{ grantId: 'x1', ...exportReports }],
      }),
    );
    expect(access.list()).toEqual([
      { ...approve, resourceScoped: false },
      { ...exportReports, resourceScoped: false },
      { ...view, resourceScoped: false },
    ]);
    expect(access.evaluate(view).sources).toEqual([
      { type: 'role', roleId: 'r1', roleKey: 'viewer', via: 'membership' },
      { type: 'role', roleId: 'r2', roleKey: 'approver', via: 'group', groupId: 'g1', groupKey: 'finance' },
    ]);
    expect(access.evaluate(exportReports).sources).toEqual([{ type: 'grant', grantId: 'x1' }]);
  });

  it('answers the RBAC grant without a resource, even when policies exist', () => {
    const decision = decide(input(model({ policies: [policy({ effect: 'deny' })] })), view);
    expect(decision).toMatchObject({ granted: true, reason: null });
  });

  it('keeps the grant for a resource with no policies of that type', () => {
    expect(decide(input(model({ policies: [policy({ resourceType: 'invoice', effect: 'deny' })] })), view, { type: 'report', id: 'r-1' }).granted).toBe(true);
  });

  it('denies with a matching deny even when an allow matches too (deny wins)', () => {
    const access = model({ policies: [policy({ policyId: 'a', effect: 'allow' }), policy({ policyId: 'd', effect: 'deny', resourcePattern: 'secret-*' })] });
    expect(decide(input(access), view, { type: 'report', id: 'secret-1' })).toMatchObject({ granted: false, reason: 'denied_by_policy' });
    expect(decide(input(access), view, { type: 'report', id: 'public-1' })).toMatchObject({ granted: true, reason: null });
  });

  it('requires one matching allow when allow policies exist for that permission and type', () => {
    const access = model({ policies: [policy({ resourcePattern: 'eu-*' })] });
    expect(decide(input(access), view, { type: 'report', id: 'eu-7' }).granted).toBe(true);
    const decision = decide(input(access), view, { type: 'report', id: 'us-7' });
    expect(decision).toMatchObject({ granted: false, reason: 'not_allowed_for_resource' });
    expect(decision.policies).toEqual([{ policyId: 'p1', effect: 'allow', resourcePattern: 'eu-*', matched: false }]);
  });

  it('never widens: an allow policy on a permission not held grants nothing', () => {
    const decision = decide(input(model({ policies: [policy({ ...approve })] })), approve, { type: 'report', id: 'x' });
    expect(decision).toMatchObject({ granted: false, reason: 'not_granted' });
  });

  it('matches patterns literally except for *', () => {
    const access = model({ policies: [policy({ resourcePattern: 'a.b(c)' })] });
    expect(decide(input(access), view, { type: 'report', id: 'a.b(c)' }).granted).toBe(true);
    expect(decide(input(access), view, { type: 'report', id: 'aXb(c)' }).granted).toBe(false);
  });

  it('denies everything to an inactive membership, and unknown or unpublished permissions', () => {
    expect(decide(input(model(), false), view).reason).toBe('membership_inactive');
    expect(decide({ ...input(model()), manifest: null }, view).reason).toBe('no_active_manifest');
    expect(decide(input(model()), { featureKey: 'reports', actionKey: 'delete' }).reason).toBe('unknown_permission');
  });

  it('answers any and all over a batch', () => {
    expect(decideAll(input(model()), [view, approve])).toMatchObject({ grantedAny: true, grantedAll: false });
    expect(decideAll(input(model()), [view])).toMatchObject({ grantedAny: true, grantedAll: true });
    expect(decideAll(input(model()), [approve])).toMatchObject({ grantedAny: false, grantedAll: false });
  });
});
