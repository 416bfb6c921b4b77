import { HttpStatus } from '@nestjs/common';

/**
 * Domain error codes mapped to HTTP statuses. Each context registers one table
 * typed `satisfies Record<ItsErrorCode, HttpStatus>`, so adding a code without
 * a status fails the type check.
 */
const statuses = new Map<string, HttpStatus>();

export function registerErrorStatuses(table: Record<string, HttpStatus>): void {
  for (const [code, status] of Object.entries(table)) statuses.set(code, status);
}

export function statusForCode(code: string): HttpStatus | undefined {
  return statuses.get(code);
}

const platformErrorStatuses = {
  'platform.validation_failed': HttpStatus.BAD_REQUEST,
  'platform.malformed_json': HttpStatus.BAD_REQUEST,
  'platform.payload_too_large': HttpStatus.PAYLOAD_TOO_LARGE,
  'platform.unsupported_media_type': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  'platform.not_found': HttpStatus.NOT_FOUND,
  'platform.method_not_allowed': HttpStatus.METHOD_NOT_ALLOWED,
  'platform.unauthorized': HttpStatus.UNAUTHORIZED,
  'platform.forbidden': HttpStatus.FORBIDDEN,
  'platform.insufficient_scope': HttpStatus.FORBIDDEN,
  'platform.rate_limited': HttpStatus.TOO_MANY_REQUESTS,
  'platform.idempotency_conflict': HttpStatus.CONFLICT,
  'platform.internal': HttpStatus.INTERNAL_SERVER_ERROR,
} satisfies Record<string, HttpStatus>;

export type PlatformErrorCode = keyof typeof platformErrorStatuses;

registerErrorStatuses(platformErrorStatuses);
