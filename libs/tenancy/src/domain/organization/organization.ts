import { AggregateRoot, DomainError, domainEvent, newId } from '#kernel';

export interface OrganizationState {
  id: string;
  tenantId: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

export const ORGANIZATION_NAME_MAX = 100;

/** An organization's name as stored: trimmed, 1 to 100 characters. Names are unique in a tenant regardless of case. */
export function organizationName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > ORGANIZATION_NAME_MAX) {
    throw new DomainError('tenancy.invalid_organization_name', `An organization name has 1 to ${ORGANIZATION_NAME_MAX} characters besides surrounding spaces.`, {
      errors: [{ field: 'name', message: `name must have 1 to ${ORGANIZATION_NAME_MAX} characters besides surrounding spaces` }],
    });
  }
  return trimmed;
}

/** A group of people inside a tenant that owns applications and acts through memberships. */
export class Organization extends AggregateRoot {
  private constructor(private state: OrganizationState) {
    super();
  }

  static create(tenantId: string, name: string, now: Date): Organization {
    const organization = new Organization({ id: newId(now.getTime()), tenantId, name: organizationName(name), createdAt: now, updatedAt: now });
    organization.record(domainEvent('organization.created', tenantId, organization.id, { organizationId: organization.id, name: organization.name }, now));
    return organization;
  }

  static restore(state: OrganizationState): Organization {
    return new Organization({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get tenantId(): string {
    return this.state.tenantId;
  }
  get name(): string {
    return this.state.name;
  }

  rename(name: string, now: Date): { before: string; after: string } | null {
    const after = organizationName(name);
    const before = this.state.name;
    if (after === before) return null;
    this.state = { ...this.state, name: after, updatedAt: now };
    this.record(domainEvent('organization.updated', this.state.tenantId, this.id, { organizationId: this.id, name: after }, now));
    return { before, after };
  }

  snapshot(): Readonly<OrganizationState> {
    return { ...this.state };
  }
}
