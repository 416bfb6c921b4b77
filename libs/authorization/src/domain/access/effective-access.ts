import { permissionId, type PermissionKey } from '../manifest/feature-manifest.js';
import type { AccessModel, GrantSource, PolicyRule, ResourceRef } from './access-model.js';
import type { PermissionSet } from './permission-set.js';
import { compileResourcePattern, type ResourceMatcher } from './resource-pattern.js';

interface CompiledPolicy {
  rule: PolicyRule;
  matches: ResourceMatcher;
}

interface PoliciesOfType {
  allow: CompiledPolicy[];
  deny: CompiledPolicy[];
}

export type ResourceOutcome = 'no_policies' | 'allowed_by_policy' | 'denied_by_policy' | 'not_allowed_for_resource';

/** The RBAC answer for one permission, before manifest and membership state are considered. */
export interface AccessEvaluation {
  granted: boolean;
  sources: readonly GrantSource[];
  /** Only for a check with a resource on a granted permission. */
  resource: ResourceOutcome | null;
  /** The policies for this permission and resource type, and whether each matched the resource id. */
  policies: Array<{ policyId: string; effect: PolicyRule['effect']; resourcePattern: string; matched: boolean }>;
}

const NONE: readonly GrantSource[] = Object.freeze([]);

/**
 * The effective permissions of a membership in an application: the union of
 * its roles (direct and through groups) and direct grants, with the resource
 * policies that narrow them. Roles keep their shared permission sets, so
 * building this costs a few objects per role, not one entry per permission.
 *
 * Policies never widen. For a check with a resource: a matching deny denies;
 * otherwise, when allow policies exist for that permission and resource type,
 * one of them must match; with no policies the RBAC grant stands. A check
 * without a resource answers the RBAC grant.
 */
export class EffectiveAccess {
  readonly #roles: Array<{ permissions: PermissionSet; source: GrantSource }>;
  readonly #grants = new Map<string, GrantSource[]>();
  readonly #grantKeys = new Map<string, PermissionKey>();
  readonly #policies = new Map<string, Map<string, PoliciesOfType>>();

  constructor(readonly model: AccessModel) {
    this.#roles = model.roles.map((role) => ({
      permissions: role.permissions,
      source: role.via
        ? { type: 'role', roleId: role.roleId, roleKey: role.roleKey, via: 'group', groupId: role.via.groupId, groupKey: role.via.groupKey }
        : { type: 'role', roleId: role.roleId, roleKey: role.roleKey, via: 'membership' },
    }));
    for (const grant of model.grants) {
      const id = permissionId(grant);
      const sources = this.#grants.get(id);
      if (sources) sources.push({ type: 'grant', grantId: grant.grantId });
      else {
        this.#grants.set(id, [{ type: 'grant', grantId: grant.grantId }]);
        this.#grantKeys.set(id, { featureKey: grant.featureKey, actionKey: grant.actionKey });
      }
    }
    for (const rule of model.policies) {
      const id = permissionId(rule);
      let byType = this.#policies.get(id);
      if (!byType) this.#policies.set(id, (byType = new Map()));
      let ofType = byType.get(rule.resourceType);
      if (!ofType) byType.set(rule.resourceType, (ofType = { allow: [], deny: [] }));
      ofType[rule.effect].push({ rule, matches: compileResourcePattern(rule.resourcePattern) });
    }
  }

  has(permission: PermissionKey): boolean {
    return this.#sourcesOf(permissionId(permission)).length > 0;
  }

  /** The held permissions, each flagged when resource policies may narrow it. */
  list(): Array<PermissionKey & { resourceScoped: boolean }> {
    const held = new Map(this.#grantKeys);
    for (const { permissions } of this.#roles) for (const [id, key] of permissions.entries()) held.set(id, key);
    return [...held.keys()].sort().map((id) => ({ ...held.get(id)!, resourceScoped: this.#policies.has(id) }));
  }

  /** The policies on one permission, for snapshots. */
  policiesOf(permission: PermissionKey): PolicyRule[] {
    return [...(this.#policies.get(permissionId(permission))?.values() ?? [])].flatMap(({ allow, deny }) => [...deny, ...allow].map(({ rule }) => rule));
  }

  evaluate(permission: PermissionKey, resource?: ResourceRef): AccessEvaluation {
    const id = permissionId(permission);
    const sources = this.#sourcesOf(id);
    const granted = sources.length > 0;
    if (!resource) return { granted, sources, resource: null, policies: [] };
    const ofType = this.#policies.get(id)?.get(resource.type);
    if (!ofType) return { granted, sources, resource: granted ? 'no_policies' : null, policies: [] };
    const policies = [...ofType.deny, ...ofType.allow].map(({ rule, matches }) => ({
      policyId: rule.policyId,
      effect: rule.effect,
      resourcePattern: rule.resourcePattern,
      matched: matches(resource.id),
    }));
    if (!granted) return { granted, sources, resource: null, policies };
    if (policies.some((policy) => policy.effect === 'deny' && policy.matched)) return { granted: false, sources, resource: 'denied_by_policy', policies };
    if (ofType.allow.length === 0) return { granted, sources, resource: 'no_policies', policies };
    return policies.some((policy) => policy.effect === 'allow' && policy.matched)
      ? { granted, sources, resource: 'allowed_by_policy', policies }
      : { granted: false, sources, resource: 'not_allowed_for_resource', policies };
  }

  #sourcesOf(id: string): readonly GrantSource[] {
    let sources: GrantSource[] | undefined;
    for (const role of this.#roles) if (role.permissions.hasId(id)) (sources ??= []).push(role.source);
    const grants = this.#grants.get(id);
    if (grants) sources = sources ? [...sources, ...grants] : grants;
    return sources ?? NONE;
  }
}
