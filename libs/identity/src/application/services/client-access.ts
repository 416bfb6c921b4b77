import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError } from '#kernel';
import type { Principal } from '#platform';
import { type ApplicationView, AuthorizeApplicationQuery, type OrganizationPermission } from '#tenancy';
import type { OAuthClient } from '../../domain/client/oauth-client.js';
import { OAuthClientRepository } from '../../domain/client/oauth-client.repository.js';

/** Resolves a client under an application the caller may act on; anything else is not found. */
@Injectable()
export class ClientAccess {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly clients: OAuthClientRepository,
  ) {}

  application(principal: Principal, applicationId: string, permission: OrganizationPermission): Promise<ApplicationView> {
    return this.queryBus.execute(new AuthorizeApplicationQuery(principal, applicationId, permission));
  }

  async client(
    principal: Principal,
    applicationId: string,
    clientId: string,
    permission: OrganizationPermission,
  ): Promise<{ application: ApplicationView; client: OAuthClient }> {
    const application = await this.application(principal, applicationId, permission);
    const client = await this.clients.find(application.tenantId, clientId);
    if (!client || client.snapshot().applicationId !== application.id) {
      throw new DomainError('identity.client_not_found', `No client ${clientId} in this application.`);
    }
    return { application, client };
  }
}
