import { HttpStatus } from '@nestjs/common';

/** Error codes of the authorization context and their HTTP statuses (problem+json through the platform filter). */
export const authorizationErrorStatuses = {
  'authorization.application_not_found': HttpStatus.NOT_FOUND,
} satisfies Record<string, HttpStatus>;

export type AuthorizationErrorCode = keyof typeof authorizationErrorStatuses;
