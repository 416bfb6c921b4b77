import { isUuid, newId } from './ids.js';

describe('newId', () => {
  it('makes UUIDv7s carrying the given time in their first 48 bits', () => {
    const now = Date.UTC(2026, 11, 1, 13, 0, 0, 123);
    const id = newId(now);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
  });

  it('never repeats, across many refills of the random pool', () => {
    const ids = new Set(Array.from({ length: 5_000 }, () => newId(1)));
    expect(ids.size).toBe(5_000);
  });
});
