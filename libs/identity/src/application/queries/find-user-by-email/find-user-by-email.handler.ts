import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../../domain/user/user.repository.js';
import type { UserView } from '../../read-models.js';
import { toUserView } from '../user-view.js';
import { FindUserByEmailQuery } from './find-user-by-email.query.js';

@QueryHandler(FindUserByEmailQuery)
export class FindUserByEmailHandler implements IQueryHandler<FindUserByEmailQuery> {
  constructor(private readonly users: UserRepository) {}

  async execute({ email }: FindUserByEmailQuery): Promise<UserView | null> {
    const user = await this.users.findByEmail(email);
    return user ? toUserView(user) : null;
  }
}
