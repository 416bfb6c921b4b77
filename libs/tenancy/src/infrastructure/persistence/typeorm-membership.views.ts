import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '#platform';
import { MembershipViews } from '../../application/ports/membership-views.js';
import type { MembershipStatus, MembershipView, OrganizationRole } from '../../application/read-models.js';

interface Row {
  membership_id: string;
  user_id: string;
  tenant_id: string;
  tenant_slug: string;
  organization_id: string;
  organization_name: string;
  role: string;
  status: string;
  perm_ver: number;
  ent_ver: number;
}

const SELECT = `
  SELECT m.id AS membership_id, m.user_id, m.tenant_id, t.slug AS tenant_slug, m.organization_id,
         o.name AS organization_name, m.role, m.status, m.perm_ver, m.ent_ver
    FROM tenancy.memberships m
    JOIN tenancy.tenants t ON t.id = m.tenant_id
    JOIN tenancy.organizations o ON o.tenant_id = m.tenant_id AND o.id = m.organization_id`;

const toView = (row: Row): MembershipView => ({
  membershipId: row.membership_id,
  userId: row.user_id,
  tenantId: row.tenant_id,
  tenantSlug: row.tenant_slug,
  organizationId: row.organization_id,
  organizationName: row.organization_name,
  role: row.role as OrganizationRole,
  status: row.status as MembershipStatus,
  permVer: Number(row.perm_ver),
  entVer: Number(row.ent_ver),
});

@Injectable()
export class TypeOrmMembershipViews extends MembershipViews {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  /** Invited memberships have no user yet, so they are not a membership anyone can act with. */
  async find(membershipId: string): Promise<MembershipView | null> {
    const rows: Row[] = await this.uow.manager.query(`${SELECT} WHERE m.id = $1 AND m.user_id IS NOT NULL`, [membershipId]);
    return rows.length > 0 ? toView(rows[0]) : null;
  }

  async findMany(membershipIds: string[]): Promise<MembershipView[]> {
    const rows: Row[] = await this.uow.manager.query(`${SELECT} WHERE m.id = ANY($1::uuid[]) AND m.user_id IS NOT NULL`, [membershipIds]);
    return rows.map(toView);
  }

  async listActive(userId: string, tenantId: string | null): Promise<MembershipView[]> {
    const rows: Row[] = await this.uow.manager.query(
      `${SELECT} WHERE m.user_id = $1 AND m.status = 'active' AND t.status = 'active' AND ($2::uuid IS NULL OR m.tenant_id = $2::uuid)
        ORDER BY t.slug, o.name, m.id`,
      [userId, tenantId],
    );
    return rows.map(toView);
  }
}
