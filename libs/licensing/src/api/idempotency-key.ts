import { DomainError } from '#kernel';

/** The Idempotency-Key header, when sent: 1-200 visible ASCII characters. */
export function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw new DomainError('platform.validation_failed', 'Idempotency-Key must be 1-200 visible ASCII characters.', {
      errors: [{ field: 'Idempotency-Key', message: 'must be 1-200 visible ASCII characters' }],
    });
  }
  return header;
}

export const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Repeat a request with the same key and body to get the first answer instead of a duplicate; another body with the key is 409 `platform.idempotency_conflict`.',
  example: 'sub-2026-01-05-7f3a',
};
