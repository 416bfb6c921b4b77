import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Clock, DomainError } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { GetMembershipsQuery } from '#tenancy';
import { EntitlementRepository } from '../../../domain/entitlement/entitlement.repository.js';
import { ConsumerAccess } from '../../services/consumer-access.js';
import { EntitlementVersions } from '../../services/entitlement-versions.js';
import { type SeatsView, toSeatsView } from '../../views.js';
import { AssignSeatsCommand } from './assign-seats.command.js';

@CommandHandler(AssignSeatsCommand)
export class AssignSeatsHandler implements ICommandHandler<AssignSeatsCommand> {
  constructor(
    private readonly consumerAccess: ConsumerAccess,
    private readonly queryBus: QueryBus,
    private readonly entitlements: EntitlementRepository,
    private readonly versions: EntitlementVersions,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, entitlementId, membershipIds }: AssignSeatsCommand): Promise<SeatsView> {
    return this.uow.run(async () => {
      const entitlement = await this.consumerAccess.entitlement(principal, entitlementId, 'licensing.manage', true);
      const wanted = [...new Set(membershipIds.map((id) => id.toLowerCase()))];
      const before = [...entitlement.seatHolders];
      const change = entitlement.assignSeats(wanted, this.clock.now());
      await this.ensureSeatHolders(entitlement.tenantId, entitlement.organizationId, change.added);
      if (change.added.length + change.removed.length > 0) {
        await this.entitlements.update(entitlement);
        await this.versions.changed(entitlement.tenantId, [...change.added, ...change.removed]);
        await this.audit.record({
          tenantId: entitlement.tenantId,
          organizationId: entitlement.organizationId,
          action: 'entitlement.seats_assigned',
          target: { type: 'entitlement', id: entitlement.id },
          outcome: 'success',
          diff: { before: { membershipIds: before }, after: { membershipIds: [...entitlement.seatHolders] } },
        });
        await this.uow.publish(entitlement.pullEvents());
      }
      return toSeatsView(entitlement);
    });
  }

  /** New seat holders must be active memberships of the entitlement's organization; the answer names the others. */
  private async ensureSeatHolders(tenantId: string, organizationId: string, membershipIds: string[]): Promise<void> {
    const found = new Map((await this.queryBus.execute(new GetMembershipsQuery(membershipIds))).map((membership) => [membership.membershipId, membership]));
    const refused = membershipIds.filter((id) => {
      const membership = found.get(id);
      return !membership || membership.tenantId !== tenantId || membership.organizationId !== organizationId || membership.status !== 'active';
    });
    if (refused.length > 0) {
      throw new DomainError('licensing.invalid_seat_holder', `Seats go only to active memberships of the organization; not: ${refused.join(', ')}.`, {
        membershipIds: refused,
        errors: refused.map((id) => ({ field: 'membershipIds', message: `${id} is not an active membership of the organization` })),
      });
    }
  }
}
