import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { Page, PageRequest } from '../../../domain/keys.js';
import type { ResourcePolicyRecord } from '../../../domain/policy/resource-policy.js';

export class ListResourcePoliciesQuery extends Query<Page<ResourcePolicyRecord>> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
