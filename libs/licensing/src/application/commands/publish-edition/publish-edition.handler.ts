import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#kernel';
import { AuditTrail, UnitOfWork } from '#platform';
import { EditionRepository } from '../../../domain/product/product.repository.js';
import { ProductAccess } from '../../services/product-access.js';
import { type EditionView, toEditionView } from '../../views.js';
import { PublishEditionCommand } from './publish-edition.command.js';

@CommandHandler(PublishEditionCommand)
export class PublishEditionHandler implements ICommandHandler<PublishEditionCommand> {
  constructor(
    private readonly productAccess: ProductAccess,
    private readonly editions: EditionRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, editionId }: PublishEditionCommand): Promise<EditionView> {
    return this.uow.run(async () => {
      const { product, edition } = await this.productAccess.edition(principal, editionId, 'licensing.manage');
      if (edition.publish(this.clock.now())) {
        await this.editions.update(edition);
        await this.audit.record({
          tenantId: product.tenantId,
          organizationId: product.organizationId,
          action: 'edition.published',
          target: { type: 'edition', id: edition.id, display: edition.code },
          outcome: 'success',
          diff: { before: { status: 'draft' }, after: { status: 'published' } },
        });
        await this.uow.publish(edition.pullEvents());
      }
      return toEditionView(edition);
    });
  }
}
