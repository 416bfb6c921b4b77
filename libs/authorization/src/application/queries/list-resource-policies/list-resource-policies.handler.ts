import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '../../../domain/keys.js';
import type { ResourcePolicyRecord } from '../../../domain/policy/resource-policy.js';
import { ResourcePolicyRepository } from '../../../domain/policy/resource-policy.repository.js';
import { AdminAccess } from '../../services/admin-access.js';
import { ListResourcePoliciesQuery } from './list-resource-policies.query.js';

@QueryHandler(ListResourcePoliciesQuery)
export class ListResourcePoliciesHandler implements IQueryHandler<ListResourcePoliciesQuery> {
  constructor(
    private readonly access: AdminAccess,
    private readonly policies: ResourcePolicyRepository,
  ) {}

  async execute({ principal, applicationId, page }: ListResourcePoliciesQuery): Promise<Page<ResourcePolicyRecord>> {
    const application = await this.access.application(principal, applicationId, 'authorization.read');
    return this.policies.list(application.tenantId, application.id, page);
  }
}
