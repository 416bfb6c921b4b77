import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ChangeSignals, UnitOfWork } from '#platform';
import { MEMBERSHIP_CHANGED } from '../../read-models.js';
import { BumpMembershipVersionsCommand } from './bump-membership-versions.command.js';

@CommandHandler(BumpMembershipVersionsCommand)
export class BumpMembershipVersionsHandler implements ICommandHandler<BumpMembershipVersionsCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly signals: ChangeSignals,
  ) {}

  async execute({ tenantId, counter, selection }: BumpMembershipVersionsCommand): Promise<Map<string, number>> {
    const column = counter === 'perm_ver' ? 'perm_ver' : 'ent_ver';
    const [filter, value] =
      'membershipIds' in selection ? ['id = ANY($2::uuid[])', [...new Set(selection.membershipIds)]] : ['organization_id = $2::uuid', selection.organizationId];
    if (Array.isArray(value) && value.length === 0) return new Map();
    return this.uow.run(async () => {
      const rows: Array<{ id: string; version: number }> = await this.uow.manager.query(
        // Wrapped in a CTE: TypeORM answers a bare UPDATE with [rows, count] rather than the rows.
        `WITH bumped AS (
           UPDATE tenancy.memberships SET ${column} = ${column} + 1, updated_at = now()
            WHERE tenant_id = $1 AND ${filter} AND status <> 'removed'
            RETURNING id, ${column} AS version)
         SELECT id, version FROM bumped`,
        [tenantId, value],
      );
      await this.signals.publish(MEMBERSHIP_CHANGED, rows.map((row) => row.id));
      return new Map(rows.map((row) => [row.id, Number(row.version)]));
    });
  }
}
