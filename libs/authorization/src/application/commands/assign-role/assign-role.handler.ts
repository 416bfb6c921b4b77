import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { RoleAssignmentRepository, type RoleAssignment } from '../../../domain/role/role-assignment.repository.js';
import { PermVersions } from '../../services/perm-versions.js';
import { AssignmentSubjects } from '../../services/assignment-subjects.js';
import { AssignRoleCommand } from './assign-role.command.js';

@CommandHandler(AssignRoleCommand)
export class AssignRoleHandler implements ICommandHandler<AssignRoleCommand> {
  constructor(
    private readonly subjects: AssignmentSubjects,
    private readonly assignments: RoleAssignmentRepository,
    private readonly versions: PermVersions,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, roleId, subject }: AssignRoleCommand): Promise<RoleAssignment> {
    return this.uow.run(async () => {
      const { tenantId, organizationId, role, reached, display } = await this.subjects.resolve(principal, roleId, subject);
      const assignment = await this.assignments.assign(tenantId, role.id, subject, this.clock.now());
      if (role.permissions.length > 0) await this.versions.bump(tenantId, await reached());
      await this.audit.record({
        tenantId,
        organizationId,
        action: 'role.assigned',
        target: { type: 'role', id: role.id, display: role.key },
        outcome: 'success',
        diff: { after: { roleId: role.id, roleKey: role.key, [subject.kind === 'membership' ? 'membershipId' : 'groupId']: display } },
      });
      return assignment;
    });
  }
}
