import type { QueryBus } from '@nestjs/cqrs';
import { Clock, newId } from '#kernel';
import { InMemoryLicenseReader } from '../../../testing/in-memory-license-reader.js';
import { EvaluateFeatureLicenseHandler } from './evaluate-feature-license.handler.js';
import { EvaluateFeatureLicenseQuery } from './evaluate-feature-license.query.js';

class FixedClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  now(): Date {
    return this.at;
  }
}

const TENANT = newId();
const MEMBER = newId();
const APP = newId();
const ENTITLEMENT = newId();

function setup(options: { status?: string; validUntil?: Date | null; membershipStatus?: string } = {}) {
  const reader = new InMemoryLicenseReader();
  reader.seats.push({
    tenantId: TENANT,
    membershipId: MEMBER,
    entitlement: {
      entitlementId: ENTITLEMENT,
      editionId: newId(),
      editionCode: 'reports-pro',
      productId: newId(),
      applicationId: APP,
      featureKeys: ['reports.advanced'],
      validUntil: options.validUntil ?? null,
      status: options.status ?? 'active',
      validFrom: new Date('2026-01-01T00:00:00Z'),
    },
  });
  const membership = { membershipId: MEMBER, tenantId: TENANT, status: options.membershipStatus ?? 'active' };
  const queryBus = { execute: async () => membership } as unknown as QueryBus;
  const clock = new FixedClock(new Date('2026-03-01T00:00:00Z'));
  const handler = new EvaluateFeatureLicenseHandler(reader, queryBus, clock);
  const evaluate = (featureKey = 'reports.advanced') => handler.execute(new EvaluateFeatureLicenseQuery({ membershipId: MEMBER, tenantId: TENANT, applicationId: APP, featureKey }));
  return { evaluate, clock, handler };
}

describe('EvaluateFeatureLicenseHandler', () => {
  it('is satisfied by a seat on an active entitlement whose edition unlocks the feature', async () => {
    expect(await setup().evaluate()).toEqual({ satisfied: true, entitlementIds: [ENTITLEMENT], editionCodes: ['reports-pro'], reason: 'licensed' });
  });

  it('says which rule failed', async () => {
    expect(await setup().evaluate('reports.other')).toMatchObject({ satisfied: false, reason: 'feature_not_licensed', editionCodes: ['reports-pro'] });
    expect(await setup({ status: 'suspended' }).evaluate()).toMatchObject({ satisfied: false, reason: 'no_entitlement' });
    expect(await setup({ membershipStatus: 'suspended' }).evaluate()).toMatchObject({ satisfied: false, reason: 'membership_inactive' });
  });

  it('stops counting an entitlement the moment its validity ends, before any sweep', async () => {
    const { evaluate, clock } = setup({ validUntil: new Date('2026-03-02T00:00:00Z') });
    expect((await evaluate()).satisfied).toBe(true);
    clock.at = new Date('2026-03-02T00:00:00Z');
    expect(await evaluate()).toMatchObject({ satisfied: false, reason: 'no_entitlement' });
  });

  it('answers the legacy form about one entitlement and, when given, the membership holding a seat on it', async () => {
    const { handler } = setup();
    expect(await handler.execute(new EvaluateFeatureLicenseQuery({ entitlementId: ENTITLEMENT, tenantId: TENANT }))).toMatchObject({ satisfied: true, reason: 'licensed' });
    expect(await handler.execute(new EvaluateFeatureLicenseQuery({ entitlementId: newId(), tenantId: TENANT }))).toMatchObject({ satisfied: false, reason: 'entitlement_not_found' });
    expect(await handler.execute(new EvaluateFeatureLicenseQuery({ entitlementId: ENTITLEMENT, tenantId: newId() }))).toMatchObject({ satisfied: false, reason: 'entitlement_not_found' });
  });
});
