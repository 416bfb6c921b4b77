import { planRotation, publicationOrder, type RotationPolicy, type SigningKeyRecord } from './key-rotation-plan.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const policy: RotationPolicy = { rotateAfterMs: 90 * DAY, publishAheadMs: DAY, maxTokenLifetimeMs: 2 * HOUR };
const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function key(kid: string, status: SigningKeyRecord['status'], overrides: Partial<SigningKeyRecord> = {}): SigningKeyRecord {
  return { kid, status, createdAt: t0, activatesAt: null, activatedAt: t0, retiredAt: null, removeAfter: null, ...overrides };
}

describe('planRotation', () => {
  it('bootstraps an active key when there is none', () => {
    expect(planRotation([], t0, policy)).toEqual([{ kind: 'generate', status: 'active', activatesAt: null }]);
  });

  it('does nothing while the active key is young', () => {
    expect(planRotation([key('a', 'active')], at(10 * DAY), policy)).toEqual([]);
  });

  it('publishes the next key a publish-ahead period before it is due to sign', () => {
    expect(planRotation([key('a', 'active')], at(89 * DAY), policy)).toEqual([
      { kind: 'generate', status: 'next', activatesAt: at(90 * DAY) },
    ]);
  });

  it('keeps a late next key published for the full period before it signs', () => {
    expect(planRotation([key('a', 'active')], at(120 * DAY), policy)).toEqual([
      { kind: 'generate', status: 'next', activatesAt: at(121 * DAY) },
    ]);
  });

  it('waits for the next key to be due, then promotes it and retires the old one until its tokens expire', () => {
    const keys = [key('a', 'active'), key('b', 'next', { createdAt: at(89 * DAY), activatedAt: null, activatesAt: at(90 * DAY) })];
    expect(planRotation(keys, at(89.5 * DAY), policy)).toEqual([]);
    expect(planRotation(keys, at(90 * DAY), policy)).toEqual([
      { kind: 'retire', kid: 'a', removeAfter: at(90 * DAY + 2 * HOUR) },
      { kind: 'promote', kid: 'b' },
    ]);
  });

  it('drops a retired key once its last token has expired, not before', () => {
    const keys = [key('b', 'active'), key('a', 'retired', { removeAfter: at(DAY) })];
    expect(planRotation(keys, at(DAY - 1), policy)).toEqual([]);
    expect(planRotation(keys, at(DAY), policy)).toEqual([{ kind: 'remove', kid: 'a' }]);
  });

  it('orders the signer first and the unpublished-to-sign next key last', () => {
    const ordered = publicationOrder([
      key('n', 'next', { createdAt: at(3) }),
      key('r', 'retired', { createdAt: at(1) }),
      key('a', 'active', { createdAt: at(2) }),
    ]);
    expect(ordered.map((k) => k.kid)).toEqual(['a', 'r', 'n']);
  });
});
