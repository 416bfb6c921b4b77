import { type EligibilityFacts, eligibility } from './eligibility.js';

const CONSUMER = { tenantId: 'consumer-tenant', organizationId: 'consumer-org' };
const facts = (overrides: {
  policy?: 'none' | 'allowlist' | 'public';
  product?: 'draft' | 'published';
  edition?: 'draft' | 'published';
  visibility?: 'public' | 'private' | 'allowlist';
  listed?: boolean;
  sameTenant?: boolean;
  disabled?: boolean;
}): EligibilityFacts => ({
  consumer: CONSUMER,
  application: {
    tenantId: overrides.sameTenant ? CONSUMER.tenantId : 'vendor-tenant',
    status: overrides.disabled ? 'disabled' : 'active',
    externalConsumptionPolicy: overrides.policy ?? 'public',
  },
  product: { status: overrides.product ?? 'published', visibility: overrides.visibility ?? 'public', allowlist: overrides.listed ? ['consumer-org'] : ['someone-else'] },
  edition: { status: overrides.edition ?? 'published' },
});

describe('marketplace eligibility', () => {
  it.each([
    ['public', 'public', false, { eligible: true, reason: 'public' }],
    ['public', 'allowlist', true, { eligible: true, reason: 'allowlisted' }],
    ['public', 'allowlist', false, { eligible: false, reason: 'not_allowlisted' }],
    ['public', 'private', true, { eligible: false, reason: 'product_private' }],
    ['allowlist', 'public', true, { eligible: true, reason: 'allowlisted' }],
    ['allowlist', 'public', false, { eligible: false, reason: 'application_allowlist' }],
    ['allowlist', 'allowlist', true, { eligible: true, reason: 'allowlisted' }],
    ['allowlist', 'private', true, { eligible: false, reason: 'product_private' }],
    ['none', 'public', true, { eligible: false, reason: 'application_not_consumable' }],
    ['none', 'allowlist', true, { eligible: false, reason: 'application_not_consumable' }],
  ] as const)('policy %s × visibility %s × allowlisted %s', (policy, visibility, listed, expected) => {
    expect(eligibility(facts({ policy, visibility, listed }))).toEqual(expected);
  });

  it('needs both product and edition published, even in the vendor tenant', () => {
    expect(eligibility(facts({ product: 'draft' }))).toEqual({ eligible: false, reason: 'product_unpublished' });
    expect(eligibility(facts({ edition: 'draft' }))).toEqual({ eligible: false, reason: 'edition_unpublished' });
    expect(eligibility(facts({ sameTenant: true, edition: 'draft' }))).toEqual({ eligible: false, reason: 'edition_unpublished' });
  });

  it("lets the vendor's own tenant in whatever the policy and visibility", () => {
    expect(eligibility(facts({ sameTenant: true, policy: 'none', visibility: 'private' }))).toEqual({ eligible: true, reason: 'vendor_tenant' });
  });

  it('refuses a disabled application', () => {
    expect(eligibility(facts({ disabled: true }))).toEqual({ eligible: false, reason: 'application_disabled' });
  });
});
