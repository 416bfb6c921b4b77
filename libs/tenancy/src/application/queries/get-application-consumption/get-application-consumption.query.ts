import { Query } from '@nestjs/cqrs';
import type { ApplicationConsumptionView } from '../../read-models.js';

/**
 * Owner and external-consumption policy of applications, across tenants: what
 * the marketplace needs to decide whether another tenant's organization may
 * consume them. Unknown ids are left out of the answer.
 */
export class GetApplicationConsumptionQuery extends Query<ApplicationConsumptionView[]> {
  constructor(readonly applicationIds: readonly string[]) {
    super();
  }
}
