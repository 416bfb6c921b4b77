import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { type DirectoryUser, UserDirectory } from '#tenancy';
import { RegisterUserCommand } from '../application/commands/register-user/register-user.command.js';
import { FindUserByEmailQuery } from '../application/queries/find-user-by-email/find-user-by-email.query.js';
import { GetUsersQuery } from '../application/queries/get-users/get-users.query.js';

/** Identity's answer to tenancy's UserDirectory port, through identity's own commands and queries. */
@Injectable()
export class TenancyUserDirectory extends UserDirectory {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {
    super();
  }

  register(email: string, password: string, name: string): Promise<{ userId: string; created: boolean }> {
    return this.commandBus.execute(new RegisterUserCommand(email, password, name));
  }

  findByEmail(email: string): Promise<DirectoryUser | null> {
    return this.queryBus.execute(new FindUserByEmailQuery(email));
  }

  findMany(userIds: string[]): Promise<DirectoryUser[]> {
    return this.queryBus.execute(new GetUsersQuery(userIds));
  }
}
