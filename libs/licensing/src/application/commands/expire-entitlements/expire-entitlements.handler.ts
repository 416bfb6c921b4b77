import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { EntitlementRepository } from '../../../domain/entitlement/entitlement.repository.js';
import { EntitlementVersions } from '../../services/entitlement-versions.js';
import { ExpireEntitlementsCommand } from './expire-entitlements.command.js';

@CommandHandler(ExpireEntitlementsCommand)
export class ExpireEntitlementsHandler implements ICommandHandler<ExpireEntitlementsCommand> {
  constructor(
    private readonly entitlements: EntitlementRepository,
    private readonly versions: EntitlementVersions,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ now = this.clock.now(), batchSize }: ExpireEntitlementsCommand): Promise<number> {
    return this.uow.run(async () => {
      const claimed = await this.entitlements.claimExpired(now, batchSize);
      for (const entitlement of claimed) {
        const affected = entitlement.expire(now);
        await this.entitlements.update(entitlement);
        await this.versions.changed(entitlement.tenantId, affected);
        await this.audit.record({
          tenantId: entitlement.tenantId,
          organizationId: entitlement.organizationId,
          action: 'entitlement.expired',
          actor: { type: 'system', id: 'entitlement-expiry' },
          target: { type: 'entitlement', id: entitlement.id },
          outcome: 'success',
          diff: { before: { status: 'active' }, after: { status: 'expired' }, seatHolders: affected.length },
        });
        await this.uow.publish(entitlement.pullEvents());
      }
      return claimed.length;
    });
  }
}
