import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '#platform';
import type { ClientType } from '../../domain/client/client-type.js';
import { type ClientStatus, OAuthClient } from '../../domain/client/oauth-client.js';
import { OAuthClientRepository } from '../../domain/client/oauth-client.repository.js';
import { OAuthClientOrmEntity } from './oauth-client.orm-entity.js';

const toOAuthClient = (row: OAuthClientOrmEntity): OAuthClient =>
  OAuthClient.restore({ ...row, type: row.type as ClientType, status: row.status as ClientStatus });

@Injectable()
export class TypeOrmOAuthClientRepository extends OAuthClientRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get rows() {
    return this.uow.manager.getRepository(OAuthClientOrmEntity);
  }

  async find(tenantId: string, clientId: string): Promise<OAuthClient | null> {
    const row = await this.rows.findOneBy({ tenantId, clientId });
    return row ? toOAuthClient(row) : null;
  }

  async listByApplication(tenantId: string, applicationId: string): Promise<OAuthClient[]> {
    const rows = await this.rows.find({ where: { tenantId, applicationId }, order: { createdAt: 'ASC' } });
    return rows.map(toOAuthClient);
  }

  countByApplication(tenantId: string, applicationId: string): Promise<number> {
    return this.rows.countBy({ tenantId, applicationId });
  }

  async save(client: OAuthClient): Promise<void> {
    await this.rows.save(client.snapshot());
  }

  async delete(tenantId: string, clientId: string): Promise<void> {
    await this.rows.delete({ tenantId, clientId });
  }
}
