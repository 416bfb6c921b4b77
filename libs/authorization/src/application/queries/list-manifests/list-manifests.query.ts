import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { Page } from '../../../domain/keys.js';
import type { ManifestVersionSummary } from '../../views.js';

/** The manifest versions of an application, newest first. Requires authorization.read. */
export class ListManifestsQuery extends Query<Page<ManifestVersionSummary>> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly page: { limit: number; before?: number },
  ) {
    super();
  }
}
