import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '#kernel';
import { AuditTrail, type DomainEventHandler, HandlesDomainEvents, UnitOfWork } from '#platform';
import { RoleRepository } from '../../domain/role/role.repository.js';
import { PermVersions } from '../services/perm-versions.js';

/** An application's roles, grants and policies go with it; whoever held them gets a new perm_ver. Idempotent. */
@Injectable()
@HandlesDomainEvents('application.deleted')
export class RemoveAuthorizationOfDeletedApplication implements DomainEventHandler {
  constructor(
    private readonly roles: RoleRepository,
    private readonly versions: PermVersions,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
  ) {}

  async handle(event: DomainEvent): Promise<void> {
    const { applicationId, organizationId } = event.payload as { applicationId?: string; organizationId?: string };
    const tenantId = event.tenantId;
    if (!tenantId || !applicationId) return;
    await this.uow.run(async () => {
      const affected = await this.roles.deleteApplication(tenantId, applicationId);
      if (affected.membershipIds.length === 0 && affected.organizationIds.length === 0) return;
      await this.versions.bump(tenantId, affected);
      await this.audit.record({
        tenantId,
        organizationId: organizationId ?? null,
        action: 'authorization.application_removed',
        actor: { type: 'system', id: 'application.deleted' },
        target: { type: 'application', id: applicationId },
        outcome: 'success',
        reason: 'its application was deleted',
      });
    });
  }
}
