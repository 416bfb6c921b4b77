import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '#platform';
import { Invitation } from '../../domain/membership/invitation.js';
import { InvitationRepository } from '../../domain/membership/invitation.repository.js';
import { InvitationOrmEntity } from './invitation.orm-entity.js';

@Injectable()
export class TypeOrmInvitationRepository extends InvitationRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get rows() {
    return this.uow.manager.getRepository(InvitationOrmEntity);
  }

  async insert(invitation: Invitation): Promise<void> {
    await this.rows.insert(invitation.snapshot());
  }

  async update(invitation: Invitation): Promise<void> {
    const { tenantId, id, acceptedAt } = invitation.snapshot();
    await this.rows.update({ tenantId, id }, { acceptedAt });
  }

  async findByTokenHash(tokenHash: string): Promise<Invitation | null> {
    const row = await this.rows.findOneBy({ tokenHash });
    return row ? Invitation.restore(row) : null;
  }
}
