import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { CatalogItemView } from '../../views.js';

/** Products and editions the consumer organization may install, each saying why. */
export class GetCatalogQuery extends Query<{ items: CatalogItemView[] }> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
  ) {
    super();
  }
}
