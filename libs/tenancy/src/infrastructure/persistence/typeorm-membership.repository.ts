import { Injectable } from '@nestjs/common';
import { MoreThan, Not } from 'typeorm';
import { DomainError } from '#kernel';
import { ChangeSignals, uniqueViolation, UnitOfWork } from '#platform';
import type { MembershipStatus, OrganizationRole } from '../../application/read-models.js';
import { Membership } from '../../domain/membership/membership.js';
import { MembershipRepository } from '../../domain/membership/membership.repository.js';
import { MembershipOrmEntity } from './membership.orm-entity.js';
import { MEMBERSHIP_CHANGED } from '../../application/read-models.js';

const toMembership = (row: MembershipOrmEntity): Membership =>
  Membership.restore({ ...row, role: row.role as OrganizationRole, status: row.status as MembershipStatus });

@Injectable()
export class TypeOrmMembershipRepository extends MembershipRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly signals: ChangeSignals,
  ) {
    super();
  }

  private get rows() {
    return this.uow.manager.getRepository(MembershipOrmEntity);
  }

  async insert(membership: Membership): Promise<void> {
    try {
      await this.rows.insert(membership.snapshot());
    } catch (error) {
      if (uniqueViolation(error)) throw alreadyMember();
      throw error;
    }
  }

  async update(membership: Membership): Promise<void> {
    const { tenantId, id, ...rest } = membership.snapshot();
    try {
      await this.rows.update({ tenantId, id }, rest);
      await this.signals.publish(MEMBERSHIP_CHANGED, id);
    } catch (error) {
      if (uniqueViolation(error)) throw alreadyMember();
      throw error;
    }
  }

  async find(tenantId: string, id: string): Promise<Membership | null> {
    const row = await this.rows.findOneBy({ tenantId, id });
    return row ? toMembership(row) : null;
  }

  async findCurrent(tenantId: string, organizationId: string, who: { userId?: string; email?: string }): Promise<Membership | null> {
    const current = { tenantId, organizationId, status: Not('removed') };
    const where = [
      ...(who.userId ? [{ ...current, userId: who.userId }] : []),
      ...(who.email ? [{ ...current, invitedEmail: who.email.trim().toLowerCase(), status: 'invited' }] : []),
    ];
    if (where.length === 0) return null;
    const row = await this.rows.findOne({ where });
    return row ? toMembership(row) : null;
  }

  countCurrent(tenantId: string, organizationId: string): Promise<number> {
    return this.rows.countBy({ tenantId, organizationId, status: Not('removed') });
  }

  countActiveOwners(tenantId: string, organizationId: string): Promise<number> {
    return this.rows.countBy({ tenantId, organizationId, status: 'active', role: 'owner' });
  }

  async list(tenantId: string, organizationId: string, status: MembershipStatus | undefined, page: { limit: number; after?: string }): Promise<Membership[]> {
    const rows = await this.rows.find({
      where: {
        tenantId,
        organizationId,
        status: status ?? Not('removed'),
        ...(page.after ? { id: MoreThan(page.after) } : {}),
      },
      order: { id: 'ASC' },
      take: page.limit,
    });
    return rows.map(toMembership);
  }
}

function alreadyMember(): DomainError {
  return new DomainError('tenancy.already_member', 'This person is already a member of, or invited to, the organization.');
}
