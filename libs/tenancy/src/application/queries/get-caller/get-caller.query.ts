import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { CallerDetails } from '../../views.js';

/** Who the caller of a request is: the token's identity, and the live membership it acts through. */
export class GetCallerQuery extends Query<CallerDetails> {
  constructor(readonly principal: Principal) {
    super();
  }
}
