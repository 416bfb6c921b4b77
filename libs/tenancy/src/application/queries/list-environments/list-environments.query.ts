import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { EnvironmentDetails } from '../../views.js';

export class ListEnvironmentsQuery extends Query<EnvironmentDetails[]> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
  ) {
    super();
  }
}
