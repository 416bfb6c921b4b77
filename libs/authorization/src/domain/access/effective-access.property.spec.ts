import fc from 'fast-check';
import { FeatureManifest, type PermissionKey } from '../manifest/feature-manifest.js';
import type { AccessModel, PolicyRule, ResourceRef } from './access-model.js';
import { decide } from './decision.js';
import { EffectiveAccess } from './effective-access.js';
import { PermissionSet } from './permission-set.js';

/** A small random world of one organization: roles, groups, assignments, grants and policies. */
interface World {
  roles: Array<{ id: string; permissions: PermissionKey[] }>;
  groupMembers: Array<{ group: string; membership: string }>;
  assignments: Array<{ role: string; membership?: string; group?: string }>;
  grants: Array<{ membership: string } & PermissionKey>;
  policies: PolicyRule[];
}

const FEATURES = ['a', 'b', 'c'];
const ACTIONS = ['read', 'write'];
const MEMBERSHIPS = ['m1', 'm2', 'm3'];
const GROUPS = ['g1', 'g2'];
const ROLES = ['r1', 'r2', 'r3', 'r4'];
const ORG = 'org';

const permission = fc.record({ featureKey: fc.constantFrom(...FEATURES, 'zz'), actionKey: fc.constantFrom(...ACTIONS) });
const resource = fc.record({ type: fc.constantFrom('doc', 'img'), id: fc.constantFrom('x1', 'x2', 'y1', 'y.1', '') });
const world: fc.Arbitrary<World> = fc.record({
  roles: fc.constant(ROLES).chain((ids) => fc.tuple(...ids.map((id) => fc.array(permission, { maxLength: 4 }).map((permissions) => ({ id, permissions }))))),
  groupMembers: fc.uniqueArray(fc.record({ group: fc.constantFrom(...GROUPS), membership: fc.constantFrom(...MEMBERSHIPS) }), { selector: (x) => `${x.group}/${x.membership}` }),
  assignments: fc.array(
    fc.oneof(
      fc.record({ role: fc.constantFrom(...ROLES), membership: fc.constantFrom(...MEMBERSHIPS) }),
      fc.record({ role: fc.constantFrom(...ROLES), group: fc.constantFrom(...GROUPS) }),
    ),
    { maxLength: 8 },
  ),
  grants: fc.array(fc.record({ membership: fc.constantFrom(...MEMBERSHIPS), featureKey: fc.constantFrom(...FEATURES), actionKey: fc.constantFrom(...ACTIONS) }), { maxLength: 4 }),
  policies: fc.array(
    fc
      .record({
        subject: fc.oneof(
          fc.record({ subjectType: fc.constant('membership' as const), subjectId: fc.constantFrom(...MEMBERSHIPS) }),
          fc.record({ subjectType: fc.constant('group' as const), subjectId: fc.constantFrom(...GROUPS) }),
          fc.record({ subjectType: fc.constant('organization' as const), subjectId: fc.constantFrom(ORG, 'other-org') }),
        ),
        permission,
        resourceType: fc.constantFrom('doc', 'img'),
        resourcePattern: fc.constantFrom('*', 'x*', 'x1', '*1', 'y.1', 'y?1'),
        effect: fc.constantFrom('allow' as const, 'deny' as const),
      })
      .map(({ subject, permission: held, ...rest }) => ({ ...subject, ...held, ...rest, policyId: '' })),
    { maxLength: 6 },
  ).map((policies) => policies.map((policy, index) => ({ ...policy, policyId: `p${index}` }))),
});

const manifest = new FeatureManifest('app', 1, { features: FEATURES.map((key) => ({ key, name: key, actions: ACTIONS.map((action) => ({ key: action })) })) });

/** What the database reader does: pick the rows that apply to one membership. */
function modelFor(w: World, membership: string): AccessModel {
  const groups = w.groupMembers.filter((row) => row.membership === membership).map((row) => row.group);
  return {
    roles: w.assignments
      .filter((a) => a.membership === membership || (a.group !== undefined && groups.includes(a.group)))
      .map((a) => ({ roleId: a.role, roleKey: a.role, permissions: new PermissionSet(w.roles.find((r) => r.id === a.role)!.permissions), via: a.group ? { groupId: a.group, groupKey: a.group } : null })),
    grants: w.grants.filter((g) => g.membership === membership).map((g, i) => ({ grantId: `x${i}`, featureKey: g.featureKey, actionKey: g.actionKey })),
    policies: w.policies.filter(
      (p) => (p.subjectType === 'membership' && p.subjectId === membership) || (p.subjectType === 'group' && groups.includes(p.subjectId)) || (p.subjectType === 'organization' && p.subjectId === ORG),
    ),
  };
}

/** The rule as the issue states it, with loops and no indexes. */
function naive(w: World, membership: string, wanted: PermissionKey, target?: ResourceRef): boolean {
  if (!manifest.has(wanted)) return false;
  const same = (p: PermissionKey) => p.featureKey === wanted.featureKey && p.actionKey === wanted.actionKey;
  const inGroup = (group: string) => w.groupMembers.some((row) => row.group === group && row.membership === membership);
  const heldByRole = w.assignments.some(
    (a) => (a.membership === membership || (a.group !== undefined && inGroup(a.group))) && w.roles.find((r) => r.id === a.role)!.permissions.some(same),
  );
  const held = heldByRole || w.grants.some((g) => g.membership === membership && same(g));
  if (!held || !target) return held;
  const applicable = w.policies.filter(
    (p) =>
      same(p) &&
      p.resourceType === target.type &&
      ((p.subjectType === 'membership' && p.subjectId === membership) || (p.subjectType === 'group' && inGroup(p.subjectId)) || (p.subjectType === 'organization' && p.subjectId === ORG)),
  );
  const globMatches = (pattern: string, id: string): boolean => {
    if (pattern === '') return id === '';
    if (pattern[0] === '*') return [...Array(id.length + 1).keys()].some((skip) => globMatches(pattern.slice(1), id.slice(skip)));
    return id.length > 0 && id[0] === pattern[0] && globMatches(pattern.slice(1), id.slice(1));
  };
  if (applicable.some((p) => p.effect === 'deny' && globMatches(p.resourcePattern, target.id))) return false;
  const allows = applicable.filter((p) => p.effect === 'allow');
  return allows.length === 0 || allows.some((p) => globMatches(p.resourcePattern, target.id));
}

describe('effective permissions (property)', () => {
  it('agree with a naive reference model over random roles, groups, grants, policies and resources', () => {
    fc.assert(
      fc.property(world, fc.constantFrom(...MEMBERSHIPS), permission, fc.option(resource, { nil: undefined }), (w, membership, wanted, target) => {
        const decision = decide({ membershipActive: true, manifest, access: new EffectiveAccess(modelFor(w, membership)) }, wanted, target);
        expect(decision.granted).toBe(naive(w, membership, wanted, target));
        expect(decision.granted).toBe(decision.reason === null);
      }),
      { numRuns: 2000 },
    );
  });
});
