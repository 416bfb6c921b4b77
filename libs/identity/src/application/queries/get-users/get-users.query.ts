import { Query } from '@nestjs/cqrs';
import type { UserView } from '../../read-models.js';

export class GetUsersQuery extends Query<UserView[]> {
  constructor(readonly userIds: string[]) {
    super();
  }
}
