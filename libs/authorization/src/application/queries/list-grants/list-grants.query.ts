import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { DirectGrantRecord } from '../../../domain/grant/direct-grant.js';
import type { Page, PageRequest } from '../../../domain/keys.js';

export class ListGrantsQuery extends Query<Page<DirectGrantRecord>> {
  constructor(
    readonly principal: Principal,
    readonly membershipId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
