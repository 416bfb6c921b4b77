import { Entitlement } from './entitlement.js';

const NOW = new Date('2026-03-01T00:00:00Z');
const entitlement = (seatCount = 2, validUntil: Date | null = null) =>
  Entitlement.create({ tenantId: 't', organizationId: 'o', subscriptionId: 's', productId: 'p' }, { editionId: 'e', seatCount, validUntil }, NOW);

describe('Entitlement', () => {
  it('replaces seat holders and reports who was added and removed', () => {
    const subject = entitlement();
    expect(subject.assignSeats(['a', 'b'], NOW)).toEqual({ added: ['a', 'b'], removed: [] });
    expect(subject.assignSeats(['b', 'c', 'c'], NOW)).toEqual({ added: ['c'], removed: ['a'] });
    expect(subject.assignSeats(['c', 'b'], NOW)).toEqual({ added: [], removed: [] });
    expect(subject.pullEvents().map((event) => event.type)).toEqual(['entitlement.created', 'entitlement.seats_assigned', 'entitlement.seats_assigned']);
  });

  it('never holds more than its seat count, naming both numbers', () => {
    expect(() => entitlement(1).assignSeats(['a', 'b'], NOW)).toThrow(expect.objectContaining({ code: 'licensing.seat_limit_exceeded', details: { requested: 2, seatCount: 1 } }));
  });

  it('suspends and resumes, answering the affected seat holders', () => {
    const subject = entitlement();
    subject.assignSeats(['a'], NOW);
    expect(subject.suspend(NOW)).toEqual(['a']);
    expect(subject.isEffective(NOW)).toBe(false);
    expect(() => subject.assignSeats(['b'], NOW)).toThrow(expect.objectContaining({ code: 'licensing.entitlement_not_active' }));
    expect(subject.resume(NOW)).toEqual(['a']);
    expect(subject.isEffective(NOW)).toBe(true);
  });

  it('stops being effective when its validity ends', () => {
    const subject = entitlement(1, new Date('2026-04-01T00:00:00Z'));
    expect(subject.isEffective(new Date('2026-03-31T23:59:59Z'))).toBe(true);
    expect(subject.isEffective(new Date('2026-04-01T00:00:00Z'))).toBe(false);
  });

  it('refuses a validity that ends before it starts', () => {
    expect(() => entitlement(1, new Date('2026-01-01T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'licensing.invalid_term' }));
  });
});

describe('Entitlement expiry', () => {
  it('expires once its validity has ended, answering the seat holders', () => {
    const subject = Entitlement.create({ tenantId: 't', organizationId: 'o', subscriptionId: 's', productId: 'p' }, { editionId: 'e', seatCount: 1, validUntil: new Date('2026-04-01T00:00:00Z') }, NOW);
    subject.assignSeats(['a'], NOW);
    expect(subject.expire(new Date('2026-03-31T00:00:00Z'))).toEqual([]);
    expect(subject.expire(new Date('2026-04-01T00:00:00Z'))).toEqual(['a']);
    expect(subject.status).toBe('expired');
    expect(subject.expire(new Date('2026-05-01T00:00:00Z'))).toEqual([]);
  });
});
