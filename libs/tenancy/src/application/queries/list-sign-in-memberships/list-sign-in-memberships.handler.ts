import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '#kernel';
import { MembershipViews } from '../../ports/membership-views.js';
import type { MembershipView } from '../../read-models.js';
import { ListSignInMembershipsQuery } from './list-sign-in-memberships.query.js';

@QueryHandler(ListSignInMembershipsQuery)
export class ListSignInMembershipsHandler implements IQueryHandler<ListSignInMembershipsQuery> {
  constructor(private readonly views: MembershipViews) {}

  async execute({ userId, tenantId }: ListSignInMembershipsQuery): Promise<MembershipView[]> {
    if (!isUuid(userId) || (tenantId !== null && !isUuid(tenantId))) return [];
    return this.views.listActive(userId, tenantId);
  }
}
