import { permissionId, type PermissionKey } from '../manifest/feature-manifest.js';

/**
 * An immutable set of permissions indexed by `feature:action`. A role's set is
 * built once and shared by every membership holding the role, so evaluating a
 * membership never copies its roles' permissions.
 */
export class PermissionSet {
  static readonly EMPTY = new PermissionSet([]);
  readonly #byId: ReadonlyMap<string, PermissionKey>;

  constructor(permissions: Iterable<PermissionKey>) {
    const byId = new Map<string, PermissionKey>();
    for (const { featureKey, actionKey } of permissions) byId.set(permissionId({ featureKey, actionKey }), { featureKey, actionKey });
    this.#byId = byId;
  }

  get size(): number {
    return this.#byId.size;
  }

  hasId(id: string): boolean {
    return this.#byId.has(id);
  }

  entries(): IterableIterator<[string, PermissionKey]> {
    return this.#byId.entries();
  }
}
