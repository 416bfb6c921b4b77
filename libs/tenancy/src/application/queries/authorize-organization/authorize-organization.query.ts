import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { OrganizationPermission } from '../../read-models.js';

export interface OrganizationAccess {
  tenantId: string;
  organizationId: string;
}

/**
 * Checks that the caller acts in `organizationId` of its own tenant with
 * `permission`: 404 `tenancy.organization_not_found` otherwise, or 403
 * `tenancy.permission_denied` naming the permission.
 */
export class AuthorizeOrganizationQuery extends Query<OrganizationAccess> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly permission: OrganizationPermission,
  ) {
    super();
  }
}
