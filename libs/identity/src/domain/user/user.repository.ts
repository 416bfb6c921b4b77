import type { User } from './user.js';

export abstract class UserRepository {
  abstract findByEmail(email: string): Promise<User | null>;
  abstract findById(id: string): Promise<User | null>;
  abstract findMany(ids: string[]): Promise<User[]>;
  /** Fails with `identity.email_already_registered` when the email is taken. */
  abstract insert(user: User): Promise<void>;
}
