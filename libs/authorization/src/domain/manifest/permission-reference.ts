/** Something that names a permission of an application: a role's permission, a direct grant or a resource policy. */
export interface PermissionReference {
  kind: 'role' | 'grant' | 'resource_policy';
  /** Role, grant or policy id. */
  id: string;
  /** Role key; for grants and policies their subject (`membership:<id>`, `group:<id>`, `organization:<id>`). */
  display: string;
  organizationId: string;
  featureKey: string;
  actionKey: string;
}
