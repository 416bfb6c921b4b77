/** Password hashing for human-chosen secrets (argon2id by default). */
export abstract class PasswordHasher {
  abstract hash(password: string): Promise<string>;
  abstract verify(hash: string, password: string): Promise<boolean>;
  /** Burns the same time as a real verification, so unknown accounts are not revealed by timing. */
  abstract verifyDummy(password: string): Promise<void>;
}
