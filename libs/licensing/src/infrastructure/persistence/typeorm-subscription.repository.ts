import { Injectable } from '@nestjs/common';
import type { Page, PageQuery } from '#kernel';
import { pageFromRows, UnitOfWork } from '#platform';
import { Subscription, type SubscriptionStatus } from '../../domain/subscription/subscription.js';
import { SubscriptionRepository } from '../../domain/subscription/subscription.repository.js';

interface SubscriptionRow {
  id: string;
  tenant_id: string;
  organization_id: string;
  installation_id: string;
  product_id: string;
  edition_id: string;
  seats: number;
  status: string;
  starts_at: Date;
  ends_at: Date | null;
  created_at: Date;
}

const toDomain = (row: SubscriptionRow): Subscription =>
  Subscription.restore({
    id: row.id,
    tenantId: row.tenant_id,
    organizationId: row.organization_id,
    installationId: row.installation_id,
    productId: row.product_id,
    editionId: row.edition_id,
    seats: Number(row.seats),
    status: row.status as SubscriptionStatus,
    startsAt: new Date(row.starts_at),
    endsAt: row.ends_at ? new Date(row.ends_at) : null,
    createdAt: new Date(row.created_at),
  });

@Injectable()
export class TypeOrmSubscriptionRepository extends SubscriptionRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async insert(subscription: Subscription): Promise<void> {
    const s = subscription.snapshot();
    await this.uow.manager.query(
      `INSERT INTO licensing.subscriptions (id, tenant_id, organization_id, installation_id, product_id, edition_id, seats, status, starts_at, ends_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [s.id, s.tenantId, s.organizationId, s.installationId, s.productId, s.editionId, s.seats, s.status, s.startsAt, s.endsAt, s.createdAt],
    );
  }

  async find(tenantId: string, id: string): Promise<Subscription | null> {
    const [row]: SubscriptionRow[] = await this.uow.manager.query(`SELECT * FROM licensing.subscriptions WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return row ? toDomain(row) : null;
  }

  async lock(tenantId: string, id: string): Promise<Subscription | null> {
    const [row]: SubscriptionRow[] = await this.uow.manager.query(`SELECT * FROM licensing.subscriptions WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
    return row ? toDomain(row) : null;
  }

  async pageByOrganization(tenantId: string, organizationId: string, page: PageQuery): Promise<Page<Subscription>> {
    const rows: SubscriptionRow[] = await this.uow.manager.query(
      `SELECT * FROM licensing.subscriptions WHERE tenant_id = $1 AND organization_id = $2 AND ($3::uuid IS NULL OR id > $3::uuid) ORDER BY id LIMIT $4`,
      [tenantId, organizationId, page.cursor ?? null, page.limit + 1],
    );
    return pageFromRows(rows, page, toDomain, (row) => row.id);
  }
}
