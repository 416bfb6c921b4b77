import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ResourceRef } from '../../../domain/access/access-model.js';
import type { PermissionKey } from '../../../domain/manifest/feature-manifest.js';
import type { RuntimeAnswer } from '../../services/runtime-evaluator.js';

/** May the membership (the caller's, or one a service names) do each of `permissions`, optionally on `resource`? */
export class CheckAuthorizationQuery extends Query<RuntimeAnswer> {
  constructor(
    readonly principal: Principal,
    readonly permissions: readonly PermissionKey[],
    readonly resource: ResourceRef | undefined,
    readonly membershipId: string | undefined,
  ) {
    super();
  }
}
