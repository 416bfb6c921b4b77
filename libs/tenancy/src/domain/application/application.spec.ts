import { Application } from './application.js';
import { APPLICATION_KEY_PATTERN, ENVIRONMENT_KEY_PATTERN } from './application-key.js';

const owner = { tenantId: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10', organizationId: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e11' };
const now = new Date('2026-01-05T09:30:00Z');

describe('application key grammar', () => {
  it.each(['orders', 'orders-api', 'acme.orders.web', 'a1', 'x'.repeat(64)])('accepts %s', (key) => {
    expect(APPLICATION_KEY_PATTERN.test(key)).toBe(true);
  });
  it.each(['o', 'x'.repeat(65), 'Orders', '1orders', 'orders-', 'orders..web', 'orders_api', '-orders', 'orders.-web'])('refuses %s', (key) => {
    expect(APPLICATION_KEY_PATTERN.test(key)).toBe(false);
  });
  it('keeps environment keys kebab-case', () => {
    expect(ENVIRONMENT_KEY_PATTERN.test('prod-eu')).toBe(true);
    expect(ENVIRONMENT_KEY_PATTERN.test('prod.eu')).toBe(false);
  });
});

describe('application', () => {
  it('is created active and records application.created', () => {
    const application = Application.create(owner, { key: 'orders', name: ' Orders ', externalConsumptionPolicy: 'none' }, now);
    expect(application.snapshot()).toMatchObject({ key: 'orders', name: 'Orders', status: 'active' });
    expect(application.pullEvents().map((event) => event.type)).toEqual(['application.created']);
  });

  it('refuses a bad key even when the edge let it through', () => {
    expect(() => Application.create(owner, { key: 'Bad Key', name: 'x', externalConsumptionPolicy: 'none' }, now)).toThrow(
      expect.objectContaining({ code: 'tenancy.invalid_application_key' }),
    );
  });

  it('reports only what changed', () => {
    const application = Application.create(owner, { key: 'orders', name: 'Orders', externalConsumptionPolicy: 'none' }, now);
    application.pullEvents();
    expect(application.update({ name: 'Orders', status: 'disabled' }, now)).toEqual({ before: { status: 'active' }, after: { status: 'disabled' } });
    expect(application.update({ status: 'disabled' }, now)).toEqual({ before: {}, after: {} });
    expect(application.pullEvents()).toHaveLength(1);
  });
});
