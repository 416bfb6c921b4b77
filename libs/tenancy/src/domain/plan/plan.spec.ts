import { DomainError } from '#kernel';
import { ensureWithinQuota, PLAN_NAMES, PLANS, planOf } from './plan.js';

describe('plans and quotas', () => {
  it('has the four plans, Developer with exactly one organization and one environment', () => {
    expect(PLAN_NAMES).toEqual(['Developer', 'Team', 'Business', 'Enterprise']);
    expect(PLANS.Developer.quotas.maxEnvironments).toBe(1);
    expect(PLANS.Developer.quotas.maxOrganizations).toBe(1);
  });

  it('raises every quota from one tier to the next', () => {
    for (let i = 1; i < PLAN_NAMES.length; i += 1) {
      const lower = PLANS[PLAN_NAMES[i - 1]].quotas;
      const higher = PLANS[PLAN_NAMES[i]].quotas;
      for (const quota of Object.keys(lower) as Array<keyof typeof lower>) expect(higher[quota]).toBeGreaterThan(lower[quota]);
    }
  });

  it('refuses an unknown plan', () => {
    expect(() => planOf('Free')).toThrow(expect.objectContaining({ code: 'tenancy.unknown_plan' }));
  });

  it('allows while under the limit', () => {
    expect(() => ensureWithinQuota('MaxEnvironments', 1, 0, 'Developer')).not.toThrow();
  });

  it('refuses at the limit, naming the quota, limit and usage', () => {
    let error: unknown;
    try {
      ensureWithinQuota('MaxEnvironments', 1, 1, 'Developer');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'tenancy.quota_exceeded', details: { quota: 'MaxEnvironments', limit: 1, used: 1, plan: 'Developer' } });
  });
});
