import { HttpStatus } from '@nestjs/common';

/** Error codes of the authorization context and their HTTP statuses (problem+json through the platform filter). */
export const authorizationErrorStatuses = {
  'authorization.application_not_found': HttpStatus.NOT_FOUND,
  'authorization.manifest_not_found': HttpStatus.NOT_FOUND,
  'authorization.invalid_manifest': HttpStatus.BAD_REQUEST,
  'authorization.publisher_unauthenticated': HttpStatus.UNAUTHORIZED,
  'authorization.publisher_forbidden': HttpStatus.FORBIDDEN,
  'authorization.publisher_throttled': HttpStatus.TOO_MANY_REQUESTS,
  'authorization.manifest_permissions_in_use': HttpStatus.CONFLICT,
} satisfies Record<string, HttpStatus>;

export type AuthorizationErrorCode = keyof typeof authorizationErrorStatuses;
