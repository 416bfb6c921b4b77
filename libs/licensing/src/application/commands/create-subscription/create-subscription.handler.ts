import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { Subscription } from '../../../domain/subscription/subscription.js';
import { SubscriptionRepository } from '../../../domain/subscription/subscription.repository.js';
import { ConsumerAccess } from '../../services/consumer-access.js';
import { Idempotent } from '../../services/idempotent.js';
import { LicensingAccess, notFound } from '../../services/licensing-access.js';
import { MarketplaceEligibility } from '../../services/marketplace-eligibility.js';
import { type SubscriptionView, toSubscriptionView } from '../../views.js';
import { CreateSubscriptionCommand } from './create-subscription.command.js';

@CommandHandler(CreateSubscriptionCommand)
export class CreateSubscriptionHandler implements ICommandHandler<CreateSubscriptionCommand> {
  constructor(
    private readonly access: LicensingAccess,
    private readonly consumerAccess: ConsumerAccess,
    private readonly marketplace: MarketplaceEligibility,
    private readonly subscriptions: SubscriptionRepository,
    private readonly idempotent: Idempotent,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, organizationId, fields, idempotencyKey }: CreateSubscriptionCommand): Promise<SubscriptionView> {
    const { tenantId } = await this.access.organization(principal, organizationId, 'licensing.manage');
    return this.idempotent.run(tenantId, `subscriptions:${organizationId}`, idempotencyKey, fields, async () => {
      const installation = await this.consumerAccess.installation(principal, fields.installationId, 'licensing.manage');
      if (installation.organizationId !== organizationId) throw notFound('licensing.installation_not_found', 'installation', fields.installationId);
      const { edition } = await this.marketplace.eligibleOffer({ tenantId, organizationId }, installation.productId, fields.editionId);
      const subscription = Subscription.create({ tenantId, organizationId }, { ...fields, productId: installation.productId, editionId: edition.id }, this.clock.now());
      await this.subscriptions.insert(subscription);
      const view = toSubscriptionView(subscription);
      await this.audit.record({
        tenantId,
        organizationId,
        action: 'subscription.created',
        target: { type: 'subscription', id: subscription.id },
        outcome: 'success',
        diff: { after: { installationId: installation.id, editionId: edition.id, seats: fields.seats, startsAt: view.startsAt, endsAt: view.endsAt } },
      });
      await this.uow.publish(subscription.pullEvents());
      return view;
    });
  }
}
