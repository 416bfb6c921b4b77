import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { EditionView } from '../../views.js';

/** Offers an edition on the marketplace (once its product is published too); publishing twice is a no-op. */
export class PublishEditionCommand extends Command<EditionView> {
  constructor(
    readonly principal: Principal,
    readonly editionId: string,
  ) {
    super();
  }
}
