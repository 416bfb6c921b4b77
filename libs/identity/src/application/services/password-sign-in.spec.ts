import type { QueryBus } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { User } from '../../domain/user/user.js';
import { CapturedAuditTrail, InMemorySignInThrottleStore, InMemoryUserRepository, PlainPasswordHasher } from '../../testing/in-memory-ports.js';
import { PasswordSignIn } from './password-sign-in.js';

class FakeClock extends Clock {
  constructor(public current = new Date('2026-11-22T10:00:00Z')) {
    super();
  }
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Records the slow-down instead of sleeping through it. */
class InstantPasswordSignIn extends PasswordSignIn {
  pauses: number[] = [];
  protected override async pause(ms: number) {
    this.pauses.push(ms);
  }
}

describe('PasswordSignIn', () => {
  const tenantId = '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10';
  let users: InMemoryUserRepository;
  let hasher: PlainPasswordHasher;
  let throttles: InMemorySignInThrottleStore;
  let audit: CapturedAuditTrail;
  let clock: FakeClock;
  let signIn: InstantPasswordSignIn;
  const queryBus = { execute: async () => [{ tenantId }] } as unknown as QueryBus;

  beforeEach(async () => {
    users = new InMemoryUserRepository();
    hasher = new PlainPasswordHasher();
    throttles = new InMemorySignInThrottleStore();
    audit = new CapturedAuditTrail();
    clock = new FakeClock();
    signIn = new InstantPasswordSignIn(users, hasher, throttles, audit, queryBus, clock);
    await users.insert(User.register('Ada@Example.com', 'Ada', await hasher.hash('right password'), clock.now()));
  });

  const attempt = (password: string, ip = '10.0.0.1', email = 'ada@example.com') => signIn.attempt({ email, password, ip, clientTenantId: null });

  it('signs in with the right password, whatever the email case', async () => {
    const result = await signIn.attempt({ email: ' ADA@example.com ', password: 'right password', ip: '10.0.0.1', clientTenantId: null });
    expect(result.ok).toBe(true);
  });

  it('records a failure in every tenant of the account, and spends hashing time on unknown accounts', async () => {
    expect(await attempt('wrong')).toMatchObject({ ok: false, reason: 'invalid_credentials' });
    expect(audit.entries).toEqual([expect.objectContaining({ tenantId, action: 'user.sign_in_failed', outcome: 'failure' })]);
    expect(await attempt('whatever', '10.0.0.1', 'nobody@example.com')).toMatchObject({ ok: false });
    expect(hasher.dummyVerifications).toBe(1);
    expect(audit.entries[1]).toMatchObject({ tenantId: null, actor: { type: 'anonymous' } });
  });

  it('locks the account after five failures, even for the right password, until the lock expires', async () => {
    for (let i = 0; i < 5; i += 1) await attempt(`wrong ${i}`, `10.0.0.${i}`);
    expect(audit.entries.map((entry) => entry.action)).toContain('user.locked_out');
    expect(signIn.pauses).toEqual([0, 0, 0, 250, 500]);
    const locked = await attempt('right password', '10.0.0.99');
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    expect(locked.ok === false && locked.retryAfterSeconds).toBeGreaterThan(0);
    clock.advance(15 * 60_000 + 1);
    expect((await attempt('right password', '10.0.0.99')).ok).toBe(true);
  });

  it('locks an IP that tries many accounts, not the accounts it tried', async () => {
    for (let i = 0; i < 30; i += 1) await attempt('wrong', '10.9.9.9', `user${i}@example.com`);
    expect(throttles.states.get('ip:10.9.9.9')).toMatchObject({ failures: 30 });
    expect(await attempt('right password', '10.9.9.9')).toMatchObject({ ok: false, reason: 'locked' });
    expect((await attempt('right password', '10.0.0.1')).ok).toBe(true);
  });

  it('forgets past failures after a successful sign-in', async () => {
    await attempt('wrong');
    await attempt('right password');
    expect(throttles.states.has('account:ada@example.com')).toBe(false);
    expect(throttles.states.has('ip:10.0.0.1')).toBe(true);
  });
});
