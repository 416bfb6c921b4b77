import { HttpStatus } from '@nestjs/common';

/** Error codes of the authorization context and their HTTP statuses (problem+json through the platform filter). */
export const authorizationErrorStatuses = {
  'authorization.application_not_found': HttpStatus.NOT_FOUND,
  'authorization.manifest_not_found': HttpStatus.NOT_FOUND,
  'authorization.invalid_manifest': HttpStatus.BAD_REQUEST,
  'authorization.publisher_unauthenticated': HttpStatus.UNAUTHORIZED,
  'authorization.publisher_forbidden': HttpStatus.FORBIDDEN,
  'authorization.application_disabled': HttpStatus.CONFLICT,
  'authorization.publisher_throttled': HttpStatus.TOO_MANY_REQUESTS,
  'authorization.manifest_permissions_in_use': HttpStatus.CONFLICT,
  'authorization.organization_not_found': HttpStatus.NOT_FOUND,
  'authorization.membership_not_found': HttpStatus.NOT_FOUND,
  'authorization.role_not_found': HttpStatus.NOT_FOUND,
  'authorization.group_not_found': HttpStatus.NOT_FOUND,
  'authorization.grant_not_found': HttpStatus.NOT_FOUND,
  'authorization.resource_policy_not_found': HttpStatus.NOT_FOUND,
  'authorization.role_assignment_not_found': HttpStatus.NOT_FOUND,
  'authorization.group_member_not_found': HttpStatus.NOT_FOUND,
  'authorization.policy_subject_not_found': HttpStatus.NOT_FOUND,
  'authorization.role_key_taken': HttpStatus.CONFLICT,
  'authorization.group_key_taken': HttpStatus.CONFLICT,
  'authorization.role_already_assigned': HttpStatus.CONFLICT,
  'authorization.already_group_member': HttpStatus.CONFLICT,
  'authorization.grant_exists': HttpStatus.CONFLICT,
  'authorization.no_active_manifest': HttpStatus.CONFLICT,
  'authorization.unknown_permission': HttpStatus.BAD_REQUEST,
  'authorization.invalid_resource_pattern': HttpStatus.BAD_REQUEST,
  'authorization.membership_required': HttpStatus.BAD_REQUEST,
  'authorization.no_application_context': HttpStatus.FORBIDDEN,
  'authorization.on_behalf_not_allowed': HttpStatus.FORBIDDEN,
} satisfies Record<string, HttpStatus>;

export type AuthorizationErrorCode = keyof typeof authorizationErrorStatuses;
