import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UserDirectory } from '../../ports/user-directory.js';
import { MembershipRepository } from '../../../domain/membership/membership.repository.js';
import { Access } from '../../services/access.js';
import { type MembershipDetails, type Page, toMembershipDetails, toPage } from '../../views.js';
import { ListMembershipsQuery } from './list-memberships.query.js';

@QueryHandler(ListMembershipsQuery)
export class ListMembershipsHandler implements IQueryHandler<ListMembershipsQuery> {
  constructor(
    private readonly access: Access,
    private readonly memberships: MembershipRepository,
    private readonly users: UserDirectory,
  ) {}

  async execute({ principal, organizationId, status, page }: ListMembershipsQuery): Promise<Page<MembershipDetails>> {
    const { tenantId } = await this.access.organization(principal, organizationId, 'members.read');
    const rows = await this.memberships.list(tenantId, organizationId, status, { limit: page.limit + 1, after: page.cursor });
    const userIds = rows.flatMap((row) => (row.userId ? [row.userId] : []));
    const users = new Map((await this.users.findMany(userIds)).map((user) => [user.id, user]));
    return toPage(
      rows.map((row) => toMembershipDetails(row, row.userId ? users.get(row.userId) : undefined)),
      page.limit,
    );
  }
}
