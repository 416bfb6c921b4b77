import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { newResourcePolicy, type ResourcePolicyRecord } from '../../../domain/policy/resource-policy.js';
import { ResourcePolicyRepository } from '../../../domain/policy/resource-policy.repository.js';
import { AdminAccess } from '../../services/admin-access.js';
import { PermissionCatalog } from '../../services/permission-catalog.js';
import { PermVersions } from '../../services/perm-versions.js';
import { PolicySubjects } from '../../services/policy-subjects.js';
import { CreateResourcePolicyCommand } from './create-resource-policy.command.js';

@CommandHandler(CreateResourcePolicyCommand)
export class CreateResourcePolicyHandler implements ICommandHandler<CreateResourcePolicyCommand> {
  constructor(
    private readonly access: AdminAccess,
    private readonly catalog: PermissionCatalog,
    private readonly subjects: PolicySubjects,
    private readonly policies: ResourcePolicyRepository,
    private readonly versions: PermVersions,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, applicationId, fields }: CreateResourcePolicyCommand): Promise<ResourcePolicyRecord> {
    return this.uow.run(async () => {
      const application = await this.access.application(principal, applicationId, 'authorization.manage');
      await this.catalog.ensureDeclared(application.id, [{ featureKey: fields.featureKey, actionKey: fields.actionKey }]);
      await this.subjects.ensureIn(principal, application.organizationId, fields.subjectType, fields.subjectId);
      const policy = newResourcePolicy(
        { tenantId: application.tenantId, organizationId: application.organizationId, applicationId: application.id, description: '', ...fields },
        this.clock.now(),
      );
      await this.policies.insert(policy);
      await this.versions.bump(policy.tenantId, await this.subjects.reach(policy.tenantId, policy.subjectType, policy.subjectId));
      const { id: _id, tenantId: _tenantId, createdAt: _createdAt, ...audited } = policy;
      await this.audit.record({
        tenantId: policy.tenantId,
        organizationId: policy.organizationId,
        action: 'resource_policy.created',
        target: { type: 'resource_policy', id: policy.id, display: `${policy.effect} ${policy.featureKey}:${policy.actionKey} on ${policy.resourceType}/${policy.resourcePattern}` },
        outcome: 'success',
        diff: { after: audited },
      });
      return policy;
    });
  }
}
