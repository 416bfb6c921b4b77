import { Injectable } from '@nestjs/common';
import { DomainError } from '#kernel';
import { isUniqueViolation, UnitOfWork } from '#platform';
import { Edition } from '../../domain/product/edition.js';
import type { PublicationState } from '../../domain/product/product.js';
import { EditionRepository } from '../../domain/product/product.repository.js';

export interface EditionRow {
  id: string;
  tenant_id: string;
  product_id: string;
  code: string;
  name: string;
  feature_keys: string[];
  activation_requires_approval: boolean;
  devices_per_seat: number;
  offline_allowed: boolean;
  lease_duration_hours: number;
  max_renewals: number;
  status: string;
  created_at: Date;
  updated_at: Date;
}

export const toEdition = (row: EditionRow): Edition =>
  Edition.restore({
    id: row.id,
    tenantId: row.tenant_id,
    productId: row.product_id,
    code: row.code,
    name: row.name,
    featureKeys: row.feature_keys,
    activationRequiresApproval: row.activation_requires_approval,
    devicesPerSeat: Number(row.devices_per_seat),
    offlinePolicy: { allowed: row.offline_allowed, leaseDurationHours: Number(row.lease_duration_hours), maxRenewals: Number(row.max_renewals) },
    status: row.status as PublicationState,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  });

@Injectable()
export class TypeOrmEditionRepository extends EditionRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async insert(edition: Edition): Promise<void> {
    const e = edition.snapshot();
    try {
      await this.uow.manager.query(
        `INSERT INTO licensing.editions (id, tenant_id, product_id, code, name, feature_keys, activation_requires_approval, devices_per_seat,
           offline_allowed, lease_duration_hours, max_renewals, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          e.id,
          e.tenantId,
          e.productId,
          e.code,
          e.name,
          e.featureKeys,
          e.activationRequiresApproval,
          e.devicesPerSeat,
          e.offlinePolicy.allowed,
          e.offlinePolicy.leaseDurationHours,
          e.offlinePolicy.maxRenewals,
          e.status,
          e.createdAt,
          e.updatedAt,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('licensing.edition_code_taken', `The product already has an edition ${e.code}.`, { code: e.code });
      throw error;
    }
  }

  async update(edition: Edition): Promise<void> {
    const e = edition.snapshot();
    await this.uow.manager.query(`UPDATE licensing.editions SET name = $3, status = $4, updated_at = $5 WHERE tenant_id = $1 AND id = $2`, [e.tenantId, e.id, e.name, e.status, e.updatedAt]);
  }

  async find(tenantId: string, id: string): Promise<Edition | null> {
    const [row]: EditionRow[] = await this.uow.manager.query(`SELECT * FROM licensing.editions WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return row ? toEdition(row) : null;
  }

  async findAnyTenant(id: string): Promise<Edition | null> {
    const [row]: EditionRow[] = await this.uow.manager.query(`SELECT * FROM licensing.editions WHERE id = $1`, [id]);
    return row ? toEdition(row) : null;
  }

  async listByProduct(tenantId: string, productId: string): Promise<Edition[]> {
    const rows: EditionRow[] = await this.uow.manager.query(`SELECT * FROM licensing.editions WHERE tenant_id = $1 AND product_id = $2 ORDER BY id`, [tenantId, productId]);
    return rows.map(toEdition);
  }
}
