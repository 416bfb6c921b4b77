import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ApplicationView, OrganizationPermission } from '../../read-models.js';

/**
 * Resolves an application for a caller that needs `permission` on it. Fails
 * with `tenancy.application_not_found` (404) when the application is not in
 * the caller's tenant and organization, and `tenancy.permission_denied` (403,
 * naming the permission) when the caller's role lacks it.
 */
export class AuthorizeApplicationQuery extends Query<ApplicationView> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly permission: OrganizationPermission,
  ) {
    super();
  }
}
