import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ManifestVersionDetails } from '../../views.js';

/** One manifest version of an application, or its active one (`'active'`). Requires authorization.read. */
export class GetManifestQuery extends Query<ManifestVersionDetails> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly version: number | 'active',
  ) {
    super();
  }
}
