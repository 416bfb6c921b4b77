/**
 * A broken business rule. `code` is stable and namespaced by context
 * (`tenancy.quota_exceeded`); the problem filter maps it to an HTTP status.
 */
export class DomainError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
