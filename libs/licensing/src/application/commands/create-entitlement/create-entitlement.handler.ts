import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { Entitlement } from '../../../domain/entitlement/entitlement.js';
import { EntitlementRepository } from '../../../domain/entitlement/entitlement.repository.js';
import type { Subscription } from '../../../domain/subscription/subscription.js';
import { ConsumerAccess } from '../../services/consumer-access.js';
import { Idempotent } from '../../services/idempotent.js';
import { MarketplaceEligibility } from '../../services/marketplace-eligibility.js';
import { type EntitlementView, toEntitlementView } from '../../views.js';
import { CreateEntitlementCommand } from './create-entitlement.command.js';

@CommandHandler(CreateEntitlementCommand)
export class CreateEntitlementHandler implements ICommandHandler<CreateEntitlementCommand> {
  constructor(
    private readonly consumerAccess: ConsumerAccess,
    private readonly marketplace: MarketplaceEligibility,
    private readonly entitlements: EntitlementRepository,
    private readonly idempotent: Idempotent,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, subscriptionId, fields, idempotencyKey }: CreateEntitlementCommand): Promise<EntitlementView> {
    return this.uow.run(async () => {
      // The lock serializes allocations on one subscription, so seat counts cannot be raced past its seats;
      // the idempotency claim below joins this transaction.
      const subscription = await this.consumerAccess.subscription(principal, subscriptionId, 'licensing.manage', true);
      return this.idempotent.run(subscription.tenantId, `entitlements:${subscriptionId}`, idempotencyKey, fields, () => this.create(subscription, fields));
    });
  }

  private async create(subscription: Subscription, fields: CreateEntitlementCommand['fields']): Promise<EntitlementView> {
    const { tenantId, organizationId, productId } = subscription.snapshot();
    const { edition } = await this.marketplace.eligibleOffer({ tenantId, organizationId }, productId, fields.editionId);
    subscription.ensureSeatsFor(fields.seatCount, await this.entitlements.allocatedSeats(tenantId, subscription.id));
    const entitlement = Entitlement.create({ tenantId, organizationId, subscriptionId: subscription.id, productId }, { ...fields, editionId: edition.id }, this.clock.now());
    await this.entitlements.insert(entitlement);
    const view = toEntitlementView(entitlement);
    await this.audit.record({
      tenantId,
      organizationId,
      action: 'entitlement.created',
      target: { type: 'entitlement', id: entitlement.id, display: edition.code },
      outcome: 'success',
      diff: { after: { subscriptionId: subscription.id, editionId: edition.id, seatCount: fields.seatCount, validFrom: view.validFrom, validUntil: view.validUntil } },
    });
    await this.uow.publish(entitlement.pullEvents());
    return view;
  }
}
