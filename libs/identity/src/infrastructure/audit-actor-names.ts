import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { isUuid } from '#kernel';
import { AuditActorNames } from '#platform';
import { GetUsersQuery } from '../application/queries/get-users/get-users.query.js';
import { OAuthClientRepository } from '../domain/client/oauth-client.repository.js';

/** Identity's answer to the audit trail's AuditActorNames port: a user is named by their email, a client by its name. */
@Injectable()
export class IdentityAuditActorNames extends AuditActorNames {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly clients: OAuthClientRepository,
  ) {
    super();
  }

  async userDisplay(userId: string): Promise<string | null> {
    if (!isUuid(userId)) return null;
    const [user] = await this.queryBus.execute(new GetUsersQuery([userId]));
    return user?.email ?? null;
  }

  async clientDisplay(tenantId: string, clientId: string): Promise<string | null> {
    if (!isUuid(tenantId)) return null;
    return (await this.clients.find(tenantId, clientId))?.snapshot().name ?? null;
  }
}
