import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../../domain/user/user.repository.js';
import type { UserView } from '../../read-models.js';
import { toUserView } from '../user-view.js';
import { GetUsersQuery } from './get-users.query.js';

@QueryHandler(GetUsersQuery)
export class GetUsersHandler implements IQueryHandler<GetUsersQuery> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userIds }: GetUsersQuery): Promise<UserView[]> {
    if (userIds.length === 0) return [];
    return (await this.users.findMany([...new Set(userIds)])).map(toUserView);
  }
}
