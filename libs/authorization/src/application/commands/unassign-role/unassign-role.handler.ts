import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { RoleAssignmentRepository } from '../../../domain/role/role-assignment.repository.js';
import { AssignmentSubjects } from '../../services/assignment-subjects.js';
import { PermVersions } from '../../services/perm-versions.js';
import { UnassignRoleCommand } from './unassign-role.command.js';

@CommandHandler(UnassignRoleCommand)
export class UnassignRoleHandler implements ICommandHandler<UnassignRoleCommand> {
  constructor(
    private readonly subjects: AssignmentSubjects,
    private readonly assignments: RoleAssignmentRepository,
    private readonly versions: PermVersions,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
  ) {}

  async execute({ principal, roleId, subject }: UnassignRoleCommand): Promise<void> {
    await this.uow.run(async () => {
      const { tenantId, organizationId, role, reached, display } = await this.subjects.resolve(principal, roleId, subject);
      const reachedBefore = role.permissions.length > 0 ? await reached() : [];
      if (!(await this.assignments.unassign(tenantId, role.id, subject))) {
        throw new DomainError('authorization.role_assignment_not_found', `The role ${roleId} is not assigned to that ${subject.kind}.`, { roleId });
      }
      await this.versions.bump(tenantId, reachedBefore);
      await this.audit.record({
        tenantId,
        organizationId,
        action: 'role.unassigned',
        target: { type: 'role', id: role.id, display: role.key },
        outcome: 'success',
        diff: { before: { roleId: role.id, roleKey: role.key, [subject.kind === 'membership' ? 'membershipId' : 'groupId']: display } },
      });
    });
  }
}
