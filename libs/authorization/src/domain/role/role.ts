import { newId } from '#kernel';
import { permissionId, type PermissionKey } from '../manifest/feature-manifest.js';

export interface RoleScope {
  tenantId: string;
  /** The organization that defines the role (for now the application's own). */
  organizationId: string;
  applicationId: string;
}

/** An application-scoped, named set of permissions, validated against the active manifest when it is written. */
export class Role {
  private constructor(
    readonly id: string,
    readonly scope: RoleScope,
    readonly key: string,
    public name: string,
    public description: string,
    public permissions: PermissionKey[],
    readonly createdAt: Date,
    public updatedAt: Date,
  ) {}

  static create(scope: RoleScope, fields: { key: string; name: string; description?: string; permissions: readonly PermissionKey[] }, now: Date): Role {
    return new Role(newId(now.getTime()), scope, fields.key, fields.name, fields.description ?? '', normalize(fields.permissions), now, now);
  }

  static restore(row: { id: string; scope: RoleScope; key: string; name: string; description: string; permissions: PermissionKey[]; createdAt: Date; updatedAt: Date }): Role {
    return new Role(row.id, row.scope, row.key, row.name, row.description, normalize(row.permissions), row.createdAt, row.updatedAt);
  }

  /** Answers whether the set of permissions changed (re-saving the same set changes nothing). */
  replacePermissions(permissions: readonly PermissionKey[], now: Date): boolean {
    const next = normalize(permissions);
    const same = next.length === this.permissions.length && next.every((permission, index) => permissionId(permission) === permissionId(this.permissions[index]));
    if (same) return false;
    this.permissions = next;
    this.updatedAt = now;
    return true;
  }

  describe(fields: { name?: string; description?: string }, now: Date): void {
    if (fields.name !== undefined) this.name = fields.name;
    if (fields.description !== undefined) this.description = fields.description;
    this.updatedAt = now;
  }
}

/** Sorted and without duplicates, so two equal sets compare equal. */
function normalize(permissions: readonly PermissionKey[]): PermissionKey[] {
  const unique = new Map(permissions.map((permission) => [permissionId(permission), { featureKey: permission.featureKey, actionKey: permission.actionKey }]));
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, permission]) => permission);
}
