import { HttpStatus } from '@nestjs/common';

export const tenancyErrorStatuses = {
  'tenancy.invalid_slug': HttpStatus.BAD_REQUEST,
  'tenancy.weak_password': HttpStatus.BAD_REQUEST,
  'tenancy.unknown_plan': HttpStatus.BAD_REQUEST,
  'tenancy.invalid_application_key': HttpStatus.BAD_REQUEST,
  'tenancy.invalid_environment_key': HttpStatus.BAD_REQUEST,
  'tenancy.invalid_organization_name': HttpStatus.BAD_REQUEST,
  'tenancy.invitation_expired': HttpStatus.BAD_REQUEST,
  'tenancy.password_required': HttpStatus.BAD_REQUEST,
  'tenancy.permission_denied': HttpStatus.FORBIDDEN,
  'tenancy.membership_inactive': HttpStatus.FORBIDDEN,
  'tenancy.organization_not_found': HttpStatus.NOT_FOUND,
  'tenancy.membership_not_found': HttpStatus.NOT_FOUND,
  'tenancy.invitation_not_found': HttpStatus.NOT_FOUND,
  'tenancy.application_not_found': HttpStatus.NOT_FOUND,
  'tenancy.environment_not_found': HttpStatus.NOT_FOUND,
  'tenancy.slug_taken': HttpStatus.CONFLICT,
  'tenancy.organization_name_taken': HttpStatus.CONFLICT,
  'tenancy.application_key_taken': HttpStatus.CONFLICT,
  'tenancy.environment_key_taken': HttpStatus.CONFLICT,
  'tenancy.already_member': HttpStatus.CONFLICT,
  'tenancy.last_owner': HttpStatus.CONFLICT,
  'tenancy.invalid_membership_state': HttpStatus.CONFLICT,
  'tenancy.quota_exceeded': HttpStatus.CONFLICT,
} satisfies Record<string, HttpStatus>;

export type TenancyErrorCode = keyof typeof tenancyErrorStatuses;
