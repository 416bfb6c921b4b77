import { Query } from '@nestjs/cqrs';
import type { Page, PageQuery } from '#kernel';
import type { Principal } from '#platform';
import type { CatalogItemView } from '../../views.js';

/** Products and editions the consumer organization may install, each saying why. */
export class GetCatalogQuery extends Query<Page<CatalogItemView>> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly page: PageQuery,
  ) {
    super();
  }
}
