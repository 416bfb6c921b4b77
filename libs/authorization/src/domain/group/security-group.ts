import { newId } from '#kernel';

/** An organization-scoped set of memberships that roles and policies can be given to. */
export class SecurityGroup {
  private constructor(
    readonly id: string,
    readonly tenantId: string,
    readonly organizationId: string,
    readonly key: string,
    public name: string,
    public description: string,
    readonly createdAt: Date,
    public updatedAt: Date,
  ) {}

  static create(scope: { tenantId: string; organizationId: string }, fields: { key: string; name: string; description?: string }, now: Date): SecurityGroup {
    return new SecurityGroup(newId(now.getTime()), scope.tenantId, scope.organizationId, fields.key, fields.name, fields.description ?? '', now, now);
  }

  static restore(row: Omit<SecurityGroup, 'describe'>): SecurityGroup {
    return new SecurityGroup(row.id, row.tenantId, row.organizationId, row.key, row.name, row.description, row.createdAt, row.updatedAt);
  }

  describe(fields: { name?: string; description?: string }, now: Date): void {
    if (fields.name !== undefined) this.name = fields.name;
    if (fields.description !== undefined) this.description = fields.description;
    this.updatedAt = now;
  }
}
