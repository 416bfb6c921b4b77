import { Query } from '@nestjs/cqrs';
import type { Page, PageQuery } from '#kernel';
import type { Principal } from '#platform';
import type { InstallationView } from '../../views.js';

/** The organization's installed products. */
export class ListInstallationsQuery extends Query<Page<InstallationView>> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly page: PageQuery,
  ) {
    super();
  }
}
