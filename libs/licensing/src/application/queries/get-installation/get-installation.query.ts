import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { InstallationView } from '../../views.js';

/** One installation of the caller's organization. */
export class GetInstallationQuery extends Query<InstallationView> {
  constructor(
    readonly principal: Principal,
    readonly installationId: string,
  ) {
    super();
  }
}
