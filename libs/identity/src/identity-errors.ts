import { HttpStatus } from '@nestjs/common';

export const identityErrorStatuses = {
  'identity.invalid_email': HttpStatus.BAD_REQUEST,
  'identity.email_already_registered': HttpStatus.CONFLICT,
  'identity.invalid_scope': HttpStatus.BAD_REQUEST,
  'identity.invalid_redirect_uri': HttpStatus.BAD_REQUEST,
  'identity.client_not_found': HttpStatus.NOT_FOUND,
  'identity.client_has_no_secret': HttpStatus.CONFLICT,
  'identity.client_deleted': HttpStatus.CONFLICT,
  'identity.quota_exceeded': HttpStatus.CONFLICT,
} satisfies Record<string, HttpStatus>;

export type IdentityErrorCode = keyof typeof identityErrorStatuses;
