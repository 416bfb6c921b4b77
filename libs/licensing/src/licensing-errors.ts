import { HttpStatus } from '@nestjs/common';

/** Error codes of the licensing context and their HTTP statuses (problem+json through the platform filter). */
export const licensingErrorStatuses = {
  'licensing.invalid_edition': HttpStatus.BAD_REQUEST,
  'licensing.unknown_feature_key': HttpStatus.BAD_REQUEST,
  'licensing.invalid_term': HttpStatus.BAD_REQUEST,
  'licensing.allowlist_too_long': HttpStatus.BAD_REQUEST,
  'licensing.edition_mismatch': HttpStatus.BAD_REQUEST,
  'licensing.invalid_seat_holder': HttpStatus.BAD_REQUEST,
  'licensing.not_eligible': HttpStatus.FORBIDDEN,
  'licensing.application_not_found': HttpStatus.NOT_FOUND,
  'licensing.product_not_found': HttpStatus.NOT_FOUND,
  'licensing.edition_not_found': HttpStatus.NOT_FOUND,
  'licensing.installation_not_found': HttpStatus.NOT_FOUND,
  'licensing.subscription_not_found': HttpStatus.NOT_FOUND,
  'licensing.entitlement_not_found': HttpStatus.NOT_FOUND,
  'licensing.no_active_manifest': HttpStatus.CONFLICT,
  'licensing.already_installed': HttpStatus.CONFLICT,
  'licensing.edition_code_taken': HttpStatus.CONFLICT,
  'licensing.seat_limit_exceeded': HttpStatus.CONFLICT,
  'licensing.subscription_seats_exceeded': HttpStatus.CONFLICT,
  'licensing.subscription_inactive': HttpStatus.CONFLICT,
  'licensing.entitlement_not_active': HttpStatus.CONFLICT,
  'licensing.invalid_entitlement_state': HttpStatus.CONFLICT,
} satisfies Record<string, HttpStatus>;

export type LicensingErrorCode = keyof typeof licensingErrorStatuses;
