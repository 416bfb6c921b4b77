import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ResourcePolicyRecord } from '../../../domain/policy/resource-policy.js';

export class GetResourcePolicyQuery extends Query<ResourcePolicyRecord> {
  constructor(
    readonly principal: Principal,
    readonly policyId: string,
  ) {
    super();
  }
}
