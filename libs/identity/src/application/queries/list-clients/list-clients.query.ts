import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ClientView } from '../../client-view.js';

export class ListClientsQuery extends Query<ClientView[]> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
  ) {
    super();
  }
}
