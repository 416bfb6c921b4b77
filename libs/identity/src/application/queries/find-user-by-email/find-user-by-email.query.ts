import { Query } from '@nestjs/cqrs';
import type { UserView } from '../../read-models.js';

export class FindUserByEmailQuery extends Query<UserView | null> {
  constructor(readonly email: string) {
    super();
  }
}
