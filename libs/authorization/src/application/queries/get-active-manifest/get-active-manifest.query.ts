import { Query } from '@nestjs/cqrs';
import type { FeatureManifestView } from '../../read-models.js';

/** The active feature manifest of an application of the tenant, or null when none was published. */
export class GetActiveManifestQuery extends Query<FeatureManifestView | null> {
  constructor(
    readonly tenantId: string,
    readonly applicationId: string,
  ) {
    super();
  }
}
