import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '#platform';
import { Product, type ProductVisibility, type PublicationState } from '../../domain/product/product.js';
import { ProductRepository } from '../../domain/product/product.repository.js';

interface ProductRow {
  id: string;
  tenant_id: string;
  organization_id: string;
  application_id: string;
  name: string;
  visibility: string;
  status: string;
  allowlist: string[] | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT p.*, (SELECT array_agg(a.organization_id::text ORDER BY a.organization_id) FROM licensing.product_allowlist a WHERE a.product_id = p.id) AS allowlist
  FROM licensing.products p`;

const toProduct = (row: ProductRow): Product =>
  Product.restore({
    id: row.id,
    tenantId: row.tenant_id,
    organizationId: row.organization_id,
    applicationId: row.application_id,
    name: row.name,
    visibility: row.visibility as ProductVisibility,
    status: row.status as PublicationState,
    allowlist: row.allowlist ?? [],
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  });

@Injectable()
export class TypeOrmProductRepository extends ProductRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async insert(product: Product): Promise<void> {
    const p = product.snapshot();
    await this.uow.manager.query(
      `INSERT INTO licensing.products (id, tenant_id, organization_id, application_id, name, visibility, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [p.id, p.tenantId, p.organizationId, p.applicationId, p.name, p.visibility, p.status, p.createdAt, p.updatedAt],
    );
    await this.writeAllowlist(product);
  }

  async update(product: Product): Promise<void> {
    const p = product.snapshot();
    await this.uow.manager.query(`UPDATE licensing.products SET name = $3, visibility = $4, status = $5, updated_at = $6 WHERE tenant_id = $1 AND id = $2`, [
      p.tenantId,
      p.id,
      p.name,
      p.visibility,
      p.status,
      p.updatedAt,
    ]);
    await this.uow.manager.query(`DELETE FROM licensing.product_allowlist WHERE product_id = $1`, [p.id]);
    await this.writeAllowlist(product);
  }

  async find(tenantId: string, id: string): Promise<Product | null> {
    const [row]: ProductRow[] = await this.uow.manager.query(`${SELECT} WHERE p.tenant_id = $1 AND p.id = $2`, [tenantId, id]);
    return row ? toProduct(row) : null;
  }

  async findAnyTenant(id: string): Promise<Product | null> {
    const [row]: ProductRow[] = await this.uow.manager.query(`${SELECT} WHERE p.id = $1`, [id]);
    return row ? toProduct(row) : null;
  }

  private async writeAllowlist(product: Product): Promise<void> {
    const { id, tenantId, allowlist } = product.snapshot();
    if (allowlist.length === 0) return;
    await this.uow.manager.query(
      `INSERT INTO licensing.product_allowlist (tenant_id, product_id, organization_id) SELECT $1, $2, o FROM unnest($3::uuid[]) AS o`,
      [tenantId, id, allowlist],
    );
  }
}
