import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { EntitlementRepository } from '../../../domain/entitlement/entitlement.repository.js';
import { ConsumerAccess } from '../../services/consumer-access.js';
import { EntitlementVersions } from '../../services/entitlement-versions.js';
import { type EntitlementView, toEntitlementView } from '../../views.js';
import { ChangeEntitlementStatusCommand } from './change-entitlement-status.command.js';

@CommandHandler(ChangeEntitlementStatusCommand)
export class ChangeEntitlementStatusHandler implements ICommandHandler<ChangeEntitlementStatusCommand> {
  constructor(
    private readonly consumerAccess: ConsumerAccess,
    private readonly entitlements: EntitlementRepository,
    private readonly versions: EntitlementVersions,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, entitlementId, change }: ChangeEntitlementStatusCommand): Promise<EntitlementView> {
    return this.uow.run(async () => {
      const entitlement = await this.consumerAccess.entitlement(principal, entitlementId, 'licensing.manage', true);
      const before = entitlement.status;
      const now = this.clock.now();
      const affected = change === 'suspend' ? entitlement.suspend(now) : entitlement.resume(now);
      if (before !== entitlement.status) {
        await this.entitlements.update(entitlement);
        await this.versions.changed(entitlement.tenantId, affected);
        await this.audit.record({
          tenantId: entitlement.tenantId,
          organizationId: entitlement.organizationId,
          action: change === 'suspend' ? 'entitlement.suspended' : 'entitlement.resumed',
          target: { type: 'entitlement', id: entitlement.id },
          outcome: 'success',
          diff: { before: { status: before }, after: { status: entitlement.status } },
        });
        await this.uow.publish(entitlement.pullEvents());
      }
      return toEntitlementView(entitlement);
    });
  }
}
