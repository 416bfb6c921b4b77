import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { DirectGrantRecord } from '../../../domain/grant/direct-grant.js';
import { GrantRepository } from '../../../domain/grant/grant.repository.js';
import type { Page } from '../../../domain/keys.js';
import { AdminAccess } from '../../services/admin-access.js';
import { ListGrantsQuery } from './list-grants.query.js';

@QueryHandler(ListGrantsQuery)
export class ListGrantsHandler implements IQueryHandler<ListGrantsQuery> {
  constructor(
    private readonly access: AdminAccess,
    private readonly grants: GrantRepository,
  ) {}

  async execute({ principal, membershipId, page }: ListGrantsQuery): Promise<Page<DirectGrantRecord>> {
    const membership = await this.access.membership(principal, membershipId, 'authorization.read');
    return this.grants.list(membership.tenantId, membership.membershipId, page);
  }
}
