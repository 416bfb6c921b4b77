import { Query } from '@nestjs/cqrs';
import type { Principal } from '#platform';

export interface AuditEventFilter {
  /** Exact action, or a prefix ending in `*` (`client.*`). */
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  cursor?: string;
}

export interface AuditEventView {
  id: string;
  action: string;
  actor: { type: string; id: string; display: string | null };
  target: { type: string; id: string; display: string | null } | null;
  outcome: string;
  reason: string | null;
  organizationId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  diff: Record<string, unknown> | null;
  occurredAt: string;
}

export interface AuditEventPage {
  items: AuditEventView[];
  nextCursor: string | null;
}

export class ListAuditEventsQuery extends Query<AuditEventPage> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly filter: AuditEventFilter,
  ) {
    super();
  }
}
