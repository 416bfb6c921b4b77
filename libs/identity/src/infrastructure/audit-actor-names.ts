import { Injectable } from '@nestjs/common';
import { isUuid } from '#kernel';
import { AuditActorNames } from '#platform';
import { OAuthClientRepository } from '../domain/client/oauth-client.repository.js';
import { UserRepository } from '../domain/user/user.repository.js';

/** Identity's answer to the audit trail's AuditActorNames port: a user is named by their email, a client by its name. */
@Injectable()
export class IdentityAuditActorNames extends AuditActorNames {
  constructor(
    private readonly users: UserRepository,
    private readonly clients: OAuthClientRepository,
  ) {
    super();
  }

  async userDisplay(userId: string): Promise<string | null> {
    return isUuid(userId) ? ((await this.users.findById(userId))?.email ?? null) : null;
  }

  async clientDisplay(tenantId: string, clientId: string): Promise<string | null> {
    return isUuid(tenantId) ? ((await this.clients.find(tenantId, clientId))?.snapshot().name ?? null) : null;
  }
}
