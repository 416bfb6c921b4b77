import { AggregateRoot, DomainError, domainEvent, newId } from '#kernel';
import { planOf, type PlanName } from '../plan/plan.js';
import { slugProblems } from './tenant-slug.js';

export type TenantStatus = 'active' | 'suspended';

export interface TenantState {
  id: string;
  slug: string;
  displayName: string;
  plan: PlanName;
  status: TenantStatus;
  createdAt: Date;
  updatedAt: Date;
}

/** A customer of NexinID: its identity domain (slug), plan, and the organizations under it. */
export class Tenant extends AggregateRoot {
  private constructor(private readonly state: TenantState) {
    super();
  }

  static register(input: { slug: string; displayName: string; plan: string }, now: Date): Tenant {
    const problems = slugProblems(input.slug);
    if (problems.length > 0) {
      throw new DomainError('tenancy.invalid_slug', problems[0], { errors: problems.map((message) => ({ field: 'slug', message })) });
    }
    const plan = planOf(input.plan).name;
    const tenant = new Tenant({
      id: newId(now.getTime()),
      slug: input.slug,
      displayName: input.displayName.trim(),
      plan,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    });
    tenant.record(domainEvent('tenant.registered', tenant.id, tenant.id, { tenantId: tenant.id, slug: tenant.slug, plan }, now));
    return tenant;
  }

  static restore(state: TenantState): Tenant {
    return new Tenant({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get slug(): string {
    return this.state.slug;
  }
  get plan(): PlanName {
    return this.state.plan;
  }

  snapshot(): Readonly<TenantState> {
    return { ...this.state };
  }
}
