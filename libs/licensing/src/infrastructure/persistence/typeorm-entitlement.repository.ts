import { Injectable } from '@nestjs/common';
import type { Page, PageQuery } from '#kernel';
import { pageFromRows, UnitOfWork } from '#platform';
import { Entitlement, type EntitlementStatus } from '../../domain/entitlement/entitlement.js';
import { EntitlementRepository } from '../../domain/entitlement/entitlement.repository.js';

interface EntitlementRow {
  id: string;
  tenant_id: string;
  organization_id: string;
  subscription_id: string;
  product_id: string;
  edition_id: string;
  seat_count: number;
  valid_from: Date;
  valid_until: Date | null;
  status: string;
  seat_holders: string[] | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT e.*, (SELECT array_agg(s.membership_id::text ORDER BY s.membership_id) FROM licensing.seats s WHERE s.entitlement_id = e.id) AS seat_holders
  FROM licensing.entitlements e`;

const toDomain = (row: EntitlementRow): Entitlement =>
  Entitlement.restore({
    id: row.id,
    tenantId: row.tenant_id,
    organizationId: row.organization_id,
    subscriptionId: row.subscription_id,
    productId: row.product_id,
    editionId: row.edition_id,
    seatCount: Number(row.seat_count),
    validFrom: new Date(row.valid_from),
    validUntil: row.valid_until ? new Date(row.valid_until) : null,
    status: row.status as EntitlementStatus,
    seatHolders: row.seat_holders ?? [],
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  });

@Injectable()
export class TypeOrmEntitlementRepository extends EntitlementRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async insert(entitlement: Entitlement): Promise<void> {
    const e = entitlement.snapshot();
    await this.uow.manager.query(
      `INSERT INTO licensing.entitlements (id, tenant_id, organization_id, subscription_id, product_id, edition_id, seat_count, valid_from, valid_until, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [e.id, e.tenantId, e.organizationId, e.subscriptionId, e.productId, e.editionId, e.seatCount, e.validFrom, e.validUntil, e.status, e.createdAt, e.updatedAt],
    );
    await this.writeSeats(entitlement);
  }

  async update(entitlement: Entitlement): Promise<void> {
    const e = entitlement.snapshot();
    await this.uow.manager.query(`UPDATE licensing.entitlements SET status = $3, valid_until = $4, updated_at = $5 WHERE tenant_id = $1 AND id = $2`, [
      e.tenantId,
      e.id,
      e.status,
      e.validUntil,
      e.updatedAt,
    ]);
    await this.uow.manager.query(`DELETE FROM licensing.seats WHERE entitlement_id = $1 AND NOT (membership_id = ANY($2::uuid[]))`, [e.id, e.seatHolders]);
    await this.writeSeats(entitlement);
  }

  async find(tenantId: string, id: string): Promise<Entitlement | null> {
    const [row]: EntitlementRow[] = await this.uow.manager.query(`${SELECT} WHERE e.tenant_id = $1 AND e.id = $2`, [tenantId, id]);
    return row ? toDomain(row) : null;
  }

  async lock(tenantId: string, id: string): Promise<Entitlement | null> {
    const [row]: EntitlementRow[] = await this.uow.manager.query(`${SELECT} WHERE e.tenant_id = $1 AND e.id = $2 FOR UPDATE OF e`, [tenantId, id]);
    return row ? toDomain(row) : null;
  }

  async pageBySubscription(tenantId: string, subscriptionId: string, page: PageQuery): Promise<Page<Entitlement>> {
    const rows: EntitlementRow[] = await this.uow.manager.query(
      `${SELECT} WHERE e.tenant_id = $1 AND e.subscription_id = $2 AND ($3::uuid IS NULL OR e.id > $3::uuid) ORDER BY e.id LIMIT $4`,
      [tenantId, subscriptionId, page.cursor ?? null, page.limit + 1],
    );
    return pageFromRows(rows, page, toDomain, (row) => row.id);
  }

  async claimExpired(now: Date, limit: number): Promise<Entitlement[]> {
    const rows: EntitlementRow[] = await this.uow.manager.query(
      `${SELECT} WHERE e.status = 'active' AND e.valid_until IS NOT NULL AND e.valid_until <= $1 ORDER BY e.valid_until LIMIT $2 FOR UPDATE OF e SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(toDomain);
  }

  async allocatedSeats(tenantId: string, subscriptionId: string): Promise<number> {
    const [row]: Array<{ n: number | string | null }> = await this.uow.manager.query(
      `SELECT coalesce(sum(seat_count), 0)::int AS n FROM licensing.entitlements WHERE tenant_id = $1 AND subscription_id = $2 AND status <> 'expired'`,
      [tenantId, subscriptionId],
    );
    return Number(row?.n ?? 0);
  }

  private async writeSeats(entitlement: Entitlement): Promise<void> {
    const e = entitlement.snapshot();
    if (e.seatHolders.length === 0) return;
    await this.uow.manager.query(
      `INSERT INTO licensing.seats (tenant_id, entitlement_id, membership_id, assigned_at) SELECT $1, $2, m, $4 FROM unnest($3::uuid[]) AS m
       ON CONFLICT (entitlement_id, membership_id) DO NOTHING`,
      [e.tenantId, e.id, e.seatHolders, e.updatedAt],
    );
  }
}
