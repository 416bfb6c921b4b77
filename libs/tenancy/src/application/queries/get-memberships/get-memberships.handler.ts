import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '#kernel';
import { MembershipViews } from '../../ports/membership-views.js';
import type { MembershipView } from '../../read-models.js';
import { GetMembershipsQuery } from './get-memberships.query.js';

@QueryHandler(GetMembershipsQuery)
export class GetMembershipsHandler implements IQueryHandler<GetMembershipsQuery> {
  constructor(private readonly views: MembershipViews) {}

  async execute({ membershipIds }: GetMembershipsQuery): Promise<MembershipView[]> {
    const ids = [...new Set(membershipIds.filter(isUuid))];
    return ids.length > 0 ? this.views.findMany(ids) : [];
  }
}
