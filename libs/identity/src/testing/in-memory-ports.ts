import type { AuditEntry } from '#platform';
import { AuditTrail } from '#platform';
import { PasswordHasher } from '../application/ports/password-hasher.js';
import { SignInThrottleStore } from '../application/ports/sign-in-throttle.store.js';
import type { ThrottleState } from '../domain/sign-in/sign-in-throttle.js';
import { normalizeEmail, type User } from '../domain/user/user.js';
import { UserRepository } from '../domain/user/user.repository.js';

/** Fakes of identity's ports for unit specs; the real adapters are covered by e2e specs. */
export class InMemoryUserRepository extends UserRepository {
  readonly users = new Map<string, User>();
  async findByEmail(email: string) {
    return [...this.users.values()].find((user) => user.email === normalizeEmail(email)) ?? null;
  }
  async findById(id: string) {
    return this.users.get(id) ?? null;
  }
  async findMany(ids: string[]) {
    return ids.map((id) => this.users.get(id)).filter((user): user is User => Boolean(user));
  }
  async insert(user: User) {
    this.users.set(user.id, user);
  }
}

/** Reversible "hash" so specs run fast; argon2 itself is exercised end to end. */
export class PlainPasswordHasher extends PasswordHasher {
  dummyVerifications = 0;
  async hash(password: string) {
    return `plain:${password}`;
  }
  async verify(hash: string, password: string) {
    return hash === `plain:${password}`;
  }
  async verifyDummy() {
    this.dummyVerifications += 1;
  }
}

export class InMemorySignInThrottleStore extends SignInThrottleStore {
  readonly states = new Map<string, ThrottleState>();
  async get(keys: string[]) {
    return new Map(keys.filter((key) => this.states.has(key)).map((key) => [key, this.states.get(key)!]));
  }
  async put(key: string, state: ThrottleState) {
    this.states.set(key, state);
  }
  async clear(key: string) {
    this.states.delete(key);
  }
}

export class CapturedAuditTrail extends AuditTrail {
  readonly entries: AuditEntry[] = [];
  async record(entry: AuditEntry) {
    this.entries.push(entry);
  }
  recordLater(entry: AuditEntry) {
    this.entries.push(entry);
  }
}
