import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuditTrail, UnitOfWork } from '#platform';
import { ResourcePolicyRepository } from '../../../domain/policy/resource-policy.repository.js';
import { OwnedResources } from '../../services/owned-resources.js';
import { PermVersions } from '../../services/perm-versions.js';
import { PolicySubjects } from '../../services/policy-subjects.js';
import { DeleteResourcePolicyCommand } from './delete-resource-policy.command.js';

@CommandHandler(DeleteResourcePolicyCommand)
export class DeleteResourcePolicyHandler implements ICommandHandler<DeleteResourcePolicyCommand> {
  constructor(
    private readonly owned: OwnedResources,
    private readonly subjects: PolicySubjects,
    private readonly policies: ResourcePolicyRepository,
    private readonly versions: PermVersions,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
  ) {}

  async execute({ principal, policyId }: DeleteResourcePolicyCommand): Promise<void> {
    await this.uow.run(async () => {
      const policy = await this.owned.policy(principal, policyId, 'authorization.manage');
      await this.policies.delete(policy);
      await this.versions.bump(policy.tenantId, await this.subjects.reach(policy.tenantId, policy.subjectType, policy.subjectId));
      const { id: _id, tenantId: _tenantId, createdAt: _createdAt, ...audited } = policy;
      await this.audit.record({
        tenantId: policy.tenantId,
        organizationId: policy.organizationId,
        action: 'resource_policy.deleted',
        target: { type: 'resource_policy', id: policy.id },
        outcome: 'success',
        diff: { before: audited },
      });
    });
  }
}
