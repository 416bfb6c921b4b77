import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '#platform';
import { SeatHolders } from '../../application/ports/seat-holders.js';

@Injectable()
export class TypeOrmSeatHolders extends SeatHolders {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async ofInstallation(tenantId: string, installationId: string): Promise<string[]> {
    const rows: Array<{ membership_id: string }> = await this.uow.manager.query(
      `SELECT DISTINCT s.membership_id FROM licensing.seats s
         JOIN licensing.entitlements e ON e.id = s.entitlement_id
         JOIN licensing.subscriptions u ON u.id = e.subscription_id
        WHERE s.tenant_id = $1 AND u.installation_id = $2`,
      [tenantId, installationId],
    );
    return rows.map((row) => row.membership_id);
  }
}
