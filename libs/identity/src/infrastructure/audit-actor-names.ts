import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { isUuid } from '#kernel';
import { AuditActorNames } from '#platform';
import { GetUsersQuery } from '../application/queries/get-users/get-users.query.js';

/** Identity's answer to the audit trail's AuditActorNames port: a user is named by their email. */
@Injectable()
export class IdentityAuditActorNames extends AuditActorNames {
  constructor(private readonly queryBus: QueryBus) {
    super();
  }

  async userDisplay(userId: string): Promise<string | null> {
    if (!isUuid(userId)) return null;
    const [user] = await this.queryBus.execute(new GetUsersQuery([userId]));
    return user?.email ?? null;
  }
}
