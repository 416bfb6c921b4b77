import { AggregateRoot, DomainError, domainEvent, newId } from '#kernel';

export type UserStatus = 'active' | 'disabled';

export interface UserState {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  status: UserStatus;
  emailVerified: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A person's global identity. Tenancy is expressed by memberships, not by the user. */
export class User extends AggregateRoot {
  private constructor(private state: UserState) {
    super();
  }

  static register(email: string, name: string, passwordHash: string, now: Date): User {
    const normalized = normalizeEmail(email);
    if (!EMAIL.test(normalized) || normalized.length > 254) {
      throw new DomainError('identity.invalid_email', 'The email address is not valid.');
    }
    const user = new User({
      id: newId(now.getTime()),
      email: normalized,
      name: name.trim(),
      passwordHash,
      status: 'active',
      emailVerified: false,
      createdAt: now,
      updatedAt: now,
    });
    user.record(domainEvent('user.registered', null, user.id, { userId: user.id, email: normalized }, now));
    return user;
  }

  static restore(state: UserState): User {
    return new User({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get email(): string {
    return this.state.email;
  }
  get name(): string {
    return this.state.name;
  }
  get passwordHash(): string {
    return this.state.passwordHash;
  }
  get active(): boolean {
    return this.state.status === 'active';
  }

  snapshot(): UserState {
    return { ...this.state };
  }
}
