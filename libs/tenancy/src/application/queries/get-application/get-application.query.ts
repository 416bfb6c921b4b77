import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ApplicationDetails } from '../../views.js';

export class GetApplicationQuery extends Query<ApplicationDetails> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
  ) {
    super();
  }
}
