import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '#kernel';
import { MembershipViews } from '../../ports/membership-views.js';
import type { MembershipView } from '../../read-models.js';
import { GetMembershipQuery } from './get-membership.query.js';

@QueryHandler(GetMembershipQuery)
export class GetMembershipHandler implements IQueryHandler<GetMembershipQuery> {
  constructor(private readonly views: MembershipViews) {}

  execute({ membershipId }: GetMembershipQuery): Promise<MembershipView | null> {
    return isUuid(membershipId) ? this.views.find(membershipId) : Promise.resolve(null);
  }
}
