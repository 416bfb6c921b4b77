import { Injectable } from '@nestjs/common';
import { DomainError, type Page, type PageQuery } from '#kernel';
import { isUniqueViolation, pageFromRows, UnitOfWork } from '#platform';
import { Installation } from '../../domain/installation/installation.js';
import { InstallationRepository } from '../../domain/installation/installation.repository.js';

interface InstallationRow {
  id: string;
  tenant_id: string;
  organization_id: string;
  product_id: string;
  edition_id: string;
  application_id: string;
  vendor_tenant_id: string;
  vendor_organization_id: string;
  installed_at: Date;
}

const toDomain = (row: InstallationRow): Installation =>
  Installation.restore({
    id: row.id,
    tenantId: row.tenant_id,
    organizationId: row.organization_id,
    productId: row.product_id,
    editionId: row.edition_id,
    applicationId: row.application_id,
    vendorTenantId: row.vendor_tenant_id,
    vendorOrganizationId: row.vendor_organization_id,
    installedAt: new Date(row.installed_at),
  });

@Injectable()
export class TypeOrmInstallationRepository extends InstallationRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async insert(installation: Installation): Promise<void> {
    const i = installation.snapshot();
    try {
      await this.uow.manager.query(
        `INSERT INTO licensing.installations (id, tenant_id, organization_id, product_id, edition_id, application_id, vendor_tenant_id, vendor_organization_id, installed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [i.id, i.tenantId, i.organizationId, i.productId, i.editionId, i.applicationId, i.vendorTenantId, i.vendorOrganizationId, i.installedAt],
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('licensing.already_installed', 'Your organization already installed this product.', { productId: i.productId });
      }
      throw error;
    }
  }

  async delete(installation: Installation): Promise<void> {
    await this.uow.manager.query(`DELETE FROM licensing.installations WHERE tenant_id = $1 AND id = $2`, [installation.tenantId, installation.id]);
  }

  async find(tenantId: string, id: string): Promise<Installation | null> {
    const [row]: InstallationRow[] = await this.uow.manager.query(`SELECT * FROM licensing.installations WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return row ? toDomain(row) : null;
  }

  async findByProducts(tenantId: string, organizationId: string, productIds: string[]): Promise<Installation[]> {
    const rows: InstallationRow[] = await this.uow.manager.query(
      `SELECT * FROM licensing.installations WHERE tenant_id = $1 AND organization_id = $2 AND product_id = ANY($3::uuid[])`,
      [tenantId, organizationId, productIds],
    );
    return rows.map(toDomain);
  }

  async pageByOrganization(tenantId: string, organizationId: string, page: PageQuery): Promise<Page<Installation>> {
    const rows: InstallationRow[] = await this.uow.manager.query(
      `SELECT * FROM licensing.installations WHERE tenant_id = $1 AND organization_id = $2 AND ($3::uuid IS NULL OR id > $3::uuid) ORDER BY id LIMIT $4`,
      [tenantId, organizationId, page.cursor ?? null, page.limit + 1],
    );
    return pageFromRows(rows, page, toDomain, (row) => row.id);
  }
}
