import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ResourcePolicyRecord } from '../../../domain/policy/resource-policy.js';
import { OwnedResources } from '../../services/owned-resources.js';
import { GetResourcePolicyQuery } from './get-resource-policy.query.js';

@QueryHandler(GetResourcePolicyQuery)
export class GetResourcePolicyHandler implements IQueryHandler<GetResourcePolicyQuery> {
  constructor(
    private readonly owned: OwnedResources,
  ) {}

  execute({ principal, policyId }: GetResourcePolicyQuery): Promise<ResourcePolicyRecord> {
    return this.owned.policy(principal, policyId, 'authorization.read');
  }
}
