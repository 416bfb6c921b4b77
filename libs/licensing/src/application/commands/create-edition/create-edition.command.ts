import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { EditionInput } from '../../../domain/product/edition.js';
import type { EditionView } from '../../views.js';

/** Adds an edition to a product; its feature keys must be features of the application's active manifest. */
export class CreateEditionCommand extends Command<EditionView> {
  constructor(
    readonly principal: Principal,
    readonly productId: string,
    readonly fields: EditionInput,
  ) {
    super();
  }
}
