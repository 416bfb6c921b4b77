import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ResourcePolicyRecord } from '../../../domain/policy/resource-policy.js';
import { ResourcePolicyRepository } from '../../../domain/policy/resource-policy.repository.js';
import { AdminAccess } from '../../services/admin-access.js';
import { GetResourcePolicyQuery } from './get-resource-policy.query.js';

@QueryHandler(GetResourcePolicyQuery)
export class GetResourcePolicyHandler implements IQueryHandler<GetResourcePolicyQuery> {
  constructor(
    private readonly access: AdminAccess,
    private readonly policies: ResourcePolicyRepository,
  ) {}

  execute({ principal, policyId }: GetResourcePolicyQuery): Promise<ResourcePolicyRecord> {
    return this.access.owned(principal, policyId, 'resource policy', 'authorization.read', (tenantId) => this.policies.find(tenantId, policyId), (policy) => policy.organizationId);
  }
}
