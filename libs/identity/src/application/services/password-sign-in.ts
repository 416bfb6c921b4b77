import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, signInAttempts } from '#platform';
import { ListSignInMembershipsQuery } from '#tenancy';
import {
  ACCOUNT_THROTTLE,
  assessThrottle,
  IP_THROTTLE,
  recordFailure,
  type ThrottlePolicy,
} from '../../domain/sign-in/sign-in-throttle.js';
import { normalizeEmail, type User } from '../../domain/user/user.js';
import { UserRepository } from '../../domain/user/user.repository.js';
import { PasswordHasher } from '../ports/password-hasher.js';
import { SignInThrottleStore } from '../ports/sign-in-throttle.store.js';

export interface SignInAttempt {
  email: string;
  password: string;
  ip: string;
  /** The tenant of the client the user signs in to, when it has one (audit goes there). */
  clientTenantId: string | null;
}

export type SignInResult = { ok: true; user: User } | { ok: false; reason: 'invalid_credentials' | 'locked'; retryAfterSeconds: number };

/**
 * Password sign-in with throttling per account and per IP: failures beyond a
 * few are answered more slowly, and too many lock the key for a while. Unknown
 * accounts burn the same hashing time as known ones.
 */
@Injectable()
export class PasswordSignIn {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttles: SignInThrottleStore,
    private readonly audit: AuditTrail,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
  ) {}

  async attempt(attempt: SignInAttempt): Promise<SignInResult> {
    const accountKey = `account:${normalizeEmail(attempt.email)}`;
    const ipKey = `ip:${attempt.ip}`;
    const now = this.clock.now();
    const states = await this.throttles.get([accountKey, ipKey]);
    const account = assessThrottle(states.get(accountKey) ?? null, now, ACCOUNT_THROTTLE);
    const ip = assessThrottle(states.get(ipKey) ?? null, now, IP_THROTTLE);
    const user = await this.users.findByEmail(attempt.email);

    const locked = Math.max(account.lockedForSeconds, ip.lockedForSeconds);
    if (locked > 0) {
      await this.hasher.verifyDummy(attempt.password);
      await this.recordFailure(user, attempt, 'locked');
      return { ok: false, reason: 'locked', retryAfterSeconds: locked };
    }

    let valid = false;
    if (user?.active) valid = await this.hasher.verify(user.passwordHash, attempt.password);
    else await this.hasher.verifyDummy(attempt.password);
    if (valid && user) {
      if (states.has(accountKey)) await this.throttles.clear(accountKey);
      signInAttempts.inc('success');
      return { ok: true, user };
    }

    const accountLocked = await this.countFailure(accountKey, states.get(accountKey) ?? null, ACCOUNT_THROTTLE);
    await this.countFailure(ipKey, states.get(ipKey) ?? null, IP_THROTTLE);
    await this.recordFailure(user, attempt, 'invalid_credentials');
    if (accountLocked) await this.recordLockout(user, attempt);
    await this.pause(Math.max(account.delayMs, ip.delayMs));
    return { ok: false, reason: 'invalid_credentials', retryAfterSeconds: 0 };
  }

  /** The slow-down answer to repeated failures. */
  protected async pause(ms: number): Promise<void> {
    await sleep(ms);
  }

  private async countFailure(key: string, state: Parameters<typeof recordFailure>[0], policy: ThrottlePolicy): Promise<boolean> {
    const next = recordFailure(state, this.clock.now(), policy);
    await this.throttles.put(key, next);
    return next.failures === policy.lockAfter;
  }

  private async recordFailure(user: User | null, attempt: SignInAttempt, reason: string): Promise<void> {
    signInAttempts.inc(reason === 'locked' ? 'locked' : 'failure');
    for (const tenantId of await this.tenantsToNotify(user, attempt)) {
      await this.audit.record({
        tenantId,
        action: 'user.sign_in_failed',
        actor: user ? { type: 'user', id: user.id, display: user.email } : { type: 'anonymous', id: normalizeEmail(attempt.email) },
        target: user ? { type: 'user', id: user.id, display: user.email } : undefined,
        outcome: 'failure',
        reason,
      });
    }
  }

  private async recordLockout(user: User | null, attempt: SignInAttempt): Promise<void> {
    for (const tenantId of await this.tenantsToNotify(user, attempt)) {
      await this.audit.record({
        tenantId,
        action: 'user.locked_out',
        actor: { type: 'system', id: 'sign-in-throttle' },
        target: { type: 'user', id: user?.id ?? normalizeEmail(attempt.email), display: normalizeEmail(attempt.email) },
        outcome: 'success',
        reason: `${ACCOUNT_THROTTLE.lockAfter} failed sign-ins`,
      });
    }
  }

  /** The client's tenant, or every tenant the account belongs to, or the platform log. */
  private async tenantsToNotify(user: User | null, attempt: SignInAttempt): Promise<Array<string | null>> {
    if (attempt.clientTenantId) return [attempt.clientTenantId];
    if (!user) return [null];
    const memberships = await this.queryBus.execute(new ListSignInMembershipsQuery(user.id, null));
    const tenants = [...new Set(memberships.map((membership) => membership.tenantId))];
    return tenants.length > 0 ? tenants : [null];
  }
}
