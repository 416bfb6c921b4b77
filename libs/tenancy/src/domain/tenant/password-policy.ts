/**
 * Password policy for accounts created through tenancy (the bootstrap
 * administrator, invited users). NIST SP 800-63B: length over composition
 * rules; a long upper bound so passphrases fit, but bounded so hashing cost
 * cannot be abused.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export function passwordProblems(password: string, email?: string): string[] {
  if (typeof password !== 'string') return ['password must be a string'];
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`password must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`password must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  if (length > 0 && new Set(password).size === 1) problems.push('password must not repeat a single character');
  const normalizedEmail = email?.trim().toLowerCase();
  if (normalizedEmail) {
    const lowered = password.trim().toLowerCase();
    if (lowered === normalizedEmail || lowered === normalizedEmail.split('@')[0]) problems.push('password must not be the email address');
  }
  return problems;
}
