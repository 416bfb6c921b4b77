import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { InstallationView } from '../../views.js';

/** The organization's installed products. */
export class ListInstallationsQuery extends Query<{ items: InstallationView[] }> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
  ) {
    super();
  }
}
