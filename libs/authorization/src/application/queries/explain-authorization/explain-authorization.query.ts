import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ResourceRef } from '../../../domain/access/access-model.js';
import type { PermissionKey } from '../../../domain/manifest/feature-manifest.js';
import type { RuntimeAnswer } from '../../services/runtime-evaluator.js';

/** The check's question, answered with how each decision was derived (sources, policies, one denial reason). */
export class ExplainAuthorizationQuery extends Query<RuntimeAnswer> {
  constructor(
    readonly principal: Principal,
    readonly permissions: readonly PermissionKey[],
    readonly resource: ResourceRef | undefined,
    readonly membershipId: string | undefined,
  ) {
    super();
  }
}
