import { DomainError } from '#kernel';

export const PLAN_NAMES = ['Developer', 'Team', 'Business', 'Enterprise'] as const;
export type PlanName = (typeof PLAN_NAMES)[number];

export type QuotaName = 'MaxOrganizations' | 'MaxApplications' | 'MaxEnvironments' | 'MaxMembers' | 'MaxClientsPerApplication';

export interface Quotas {
  /** Organizations per tenant, the first one included. */
  maxOrganizations: number;
  maxApplications: number;
  /** Environments per application. */
  maxEnvironments: number;
  /** Memberships per organization that are not removed (invited, active, suspended). */
  maxMembers: number;
  maxClientsPerApplication: number;
}

export interface Plan {
  name: PlanName;
  description: string;
  quotas: Quotas;
}

/** The catalogue of plans. Developer has one organization and exactly one environment per application: it is for trying things out. */
export const PLANS: Readonly<Record<PlanName, Plan>> = {
  Developer: {
    name: 'Developer',
    description: 'Evaluate NexinID: a few applications, one environment each.',
    quotas: { maxOrganizations: 1, maxApplications: 3, maxEnvironments: 1, maxMembers: 5, maxClientsPerApplication: 5 },
  },
  Team: {
    name: 'Team',
    description: 'A product team: development, staging and production per application.',
    quotas: { maxOrganizations: 3, maxApplications: 10, maxEnvironments: 3, maxMembers: 25, maxClientsPerApplication: 10 },
  },
  Business: {
    name: 'Business',
    description: 'Several teams and products.',
    quotas: { maxOrganizations: 10, maxApplications: 50, maxEnvironments: 10, maxMembers: 250, maxClientsPerApplication: 25 },
  },
  Enterprise: {
    name: 'Enterprise',
    description: 'Large organizations; limits sized for fleets of applications.',
    quotas: { maxOrganizations: 100, maxApplications: 500, maxEnvironments: 25, maxMembers: 10_000, maxClientsPerApplication: 100 },
  },
};

function isPlanName(value: unknown): value is PlanName {
  return typeof value === 'string' && (PLAN_NAMES as readonly string[]).includes(value);
}

export function planOf(name: string): Plan {
  if (!isPlanName(name)) throw new DomainError('tenancy.unknown_plan', `There is no plan ${name}.`, { plans: PLAN_NAMES });
  return PLANS[name];
}

/** Fails with `tenancy.quota_exceeded` (naming the quota) when one more would go over `limit`. */
export function ensureWithinQuota(quota: QuotaName, limit: number, used: number, plan: PlanName): void {
  if (used < limit) return;
  throw new DomainError('tenancy.quota_exceeded', `The plan ${plan} allows ${limit} (${quota}); ${used} already used.`, {
    quota,
    limit,
    used,
    plan,
  });
}

export function quotasOf(name: PlanName): Quotas {
  return { ...PLANS[name].quotas };
}
