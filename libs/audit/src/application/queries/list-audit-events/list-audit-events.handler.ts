import { type IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError } from '#kernel';
import { AuthorizeOrganizationQuery } from '#tenancy';
import { decodeCursor, encodeCursor } from '../../../domain/audit-cursor.js';
import { AuditEventOrmEntity } from '../../../infrastructure/persistence/audit-event.orm-entity.js';
import { type AuditEventPage, type AuditEventView, ListAuditEventsQuery } from './list-audit-events.query.js';

function toView(row: AuditEventOrmEntity): AuditEventView {
  return {
    id: row.id,
    action: row.action,
    actor: { type: row.actorType, id: row.actorId, display: row.actorDisplay },
    target: row.targetType && row.targetId ? { type: row.targetType, id: row.targetId, display: row.targetDisplay } : null,
    outcome: row.outcome,
    reason: row.reason,
    organizationId: row.organizationId,
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
    diff: row.diff,
    occurredAt: row.occurredAt.toISOString(),
  };
}

/**
 * The organization's audit feed, newest first: its own events and the
 * tenant-wide ones (no organization), never another tenant's.
 */
@QueryHandler(ListAuditEventsQuery)
export class ListAuditEventsHandler implements IQueryHandler<ListAuditEventsQuery> {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ principal, organizationId, filter }: ListAuditEventsQuery): Promise<AuditEventPage> {
    const { tenantId } = await this.queryBus.execute(new AuthorizeOrganizationQuery(principal, organizationId, 'audit.read'));
    const cursor = filter.cursor === undefined ? null : decodeCursor(filter.cursor);
    if (filter.cursor !== undefined && !cursor) throw new DomainError('audit.invalid_cursor', 'The cursor is not one this API returned.');
    const query = this.dataSource
      .getRepository(AuditEventOrmEntity)
      .createQueryBuilder('e')
      .where('e.tenant_id = :tenantId', { tenantId })
      .andWhere('(e.organization_id = :organizationId OR e.organization_id IS NULL)', { organizationId });
    if (filter.action?.endsWith('*')) query.andWhere('e.action LIKE :prefix', { prefix: `${filter.action.slice(0, -1).replace(/[%_\\]/g, '\\$&')}%` });
    else if (filter.action) query.andWhere('e.action = :action', { action: filter.action });
    if (filter.actorId) query.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.targetType) query.andWhere('e.target_type = :targetType', { targetType: filter.targetType });
    if (filter.targetId) query.andWhere('e.target_id = :targetId', { targetId: filter.targetId });
    if (filter.from) query.andWhere('e.occurred_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.occurred_at < :to', { to: filter.to });
    if (cursor) query.andWhere('(e.occurred_at, e.id) < (:at, :id)', { at: cursor.occurredAt, id: cursor.id });
    const rows = await query.orderBy('e.occurred_at', 'DESC').addOrderBy('e.id', 'DESC').take(filter.limit + 1).getMany();
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    return { items: page.map(toView), nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null };
  }
}
