import { Query } from '@nestjs/cqrs';
import type { ApplicationView } from '../../read-models.js';

/**
 * An application of a tenant by its key, with no caller check: for contexts
 * that have already authenticated a party of that tenant (a manifest
 * publisher names its application by key). Null when the tenant has none.
 */
export class FindApplicationByKeyQuery extends Query<ApplicationView | null> {
  constructor(
    readonly tenantId: string,
    readonly key: string,
  ) {
    super();
  }
}
