import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, newId } from '#kernel';
import { type AuditActor, AuditActorNames, type AuditEntry, AuditTrail, currentRequestContext, refusedByServer, type RequestContext, UnitOfWork } from '#platform';
import { maskSecrets } from '../domain/mask-secrets.js';
import { AuditEventOrmEntity } from './persistence/audit-event.orm-entity.js';
import { asStorable } from './as-storable.js';

const FLUSH_EVERY_MS = 250;
/**
 * Building a row costs the event loop ~15 µs: at 500 rows a flush held every
 * request for 7–19 ms (a p99 of its own), and rows queued for 250 ms outlived
 * the young generation. At 64 a flush holds the loop about 1 ms.
 */
const FLUSH_AT = 64;

/** The batch insert's columns, their types and where a row holds them; a batch record's keys are these names. */
type Column = [name: string, type: string, pick: (row: AuditEventOrmEntity) => unknown];
const BATCH_COLUMNS: Column[] = [
  ['id', 'uuid', (row) => row.id],
  ['tenant_id', 'uuid', (row) => row.tenantId],
  ['organization_id', 'uuid', (row) => row.organizationId],
  ['action', 'text', (row) => row.action],
  ['actor_type', 'text', (row) => row.actorType],
  ['actor_id', 'text', (row) => row.actorId],
  ['actor_display', 'text', (row) => row.actorDisplay],
  ['target_type', 'text', (row) => row.targetType],
  ['target_id', 'text', (row) => row.targetId],
  ['target_display', 'text', (row) => row.targetDisplay],
  ['outcome', 'text', (row) => row.outcome],
  ['reason', 'text', (row) => row.reason],
  ['ip', 'text', (row) => row.ip],
  ['user_agent', 'text', (row) => row.userAgent],
  ['request_id', 'text', (row) => row.requestId],
  ['diff', 'jsonb', (row) => row.diff],
  ['occurred_at', 'timestamptz', (row) => row.occurredAt],
];
const BATCH_INSERT = `INSERT INTO audit.audit_events (${BATCH_COLUMNS.map(([name]) => name).join(', ')})
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS batch(${BATCH_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})`;

/** What a request hands over; the row is built at flush time, off the request path. */
interface QueuedEntry {
  entry: AuditEntry;
  context: RequestContext | undefined;
  occurredAt: Date;
}

function actorOf(context: RequestContext | undefined): AuditActor {
  const principal = context?.principal;
  if (!principal) return { type: 'anonymous', id: 'anonymous' };
  return principal.kind === 'user' ? { type: 'user', id: principal.userId ?? principal.subject } : { type: 'client', id: principal.clientId };
}

/**
 * The audit log in the `audit` schema. `record` writes in the caller's
 * transaction. `recordLater` (hot paths: token issuance) queues rows and
 * writes them in one batched insert every 250 ms or 64 entries, and at
 * shutdown: a crash can lose at most the last 250 ms of such events.
 */
@Injectable()
export class DatabaseAuditTrail extends AuditTrail implements OnApplicationShutdown {
  readonly #logger = new Logger('AuditTrail');
  #queue: QueuedEntry[] = [];
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly names: AuditActorNames,
  ) {
    super();
  }

  /** An actor recorded without a name (one taken from the request's principal) is named: a user by their email, a client of the tenant by its name, looked up in the caller's unit of work. */
  async record(entry: AuditEntry): Promise<void> {
    const row = this.toRow({ entry, context: currentRequestContext(), occurredAt: entry.occurredAt ?? this.clock.now() });
    if (row.actorDisplay === null) row.actorDisplay = await this.nameOf(row);
    await this.uow.manager.insert(AuditEventOrmEntity, row as never);
  }

  private async nameOf({ actorType, actorId, tenantId }: AuditEventOrmEntity): Promise<string | null> {
    if (actorType === 'user') return this.names.userDisplay(actorId);
    if (actorType === 'client' && tenantId) return this.names.clientDisplay(tenantId, actorId);
    return null;
  }

  recordLater(entry: AuditEntry): void {
    this.#queue.push({ entry, context: currentRequestContext(), occurredAt: entry.occurredAt ?? this.clock.now() });
    if (this.#queue.length >= FLUSH_AT) void this.flush();
    else this.#timer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS);
  }

  /** Writes everything queued so far. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return this.#flushing;
    this.#flushing = this.#flushing.then(() => this.write(batch));
    return this.#flushing;
  }

  /** A batch the server refused changed nothing: its rows are tried one by one, so one bad row cannot take the others with it. */
  private async write(batch: QueuedEntry[]): Promise<void> {
    try {
      await this.insertBatch(batch);
    } catch (error) {
      if (batch.length === 1 || !refusedByServer(error)) return void this.#logger.error(`lost ${batch.length} audit events: ${String(error)}`);
      for (const queued of batch) await this.write([queued]);
    }
  }

  /** One statement per batch, the rows as one JSON array: far cheaper to build and send than per-column array literals. */
  private async insertBatch(batch: QueuedEntry[]): Promise<void> {
    const records = batch.map((queued) => {
      const row = this.toRow(queued);
      const record: Record<string, unknown> = {};
      for (const [name, , pick] of BATCH_COLUMNS) record[name] = pick(row);
      return record;
    });
    await this.dataSource.query(BATCH_INSERT, [JSON.stringify(records)]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  private toRow({ entry, context, occurredAt }: QueuedEntry): AuditEventOrmEntity {
    const actor = entry.actor ?? actorOf(context);
    return asStorable({
      id: newId(occurredAt.getTime()),
      tenantId: entry.tenantId,
      organizationId: entry.organizationId ?? null,
      action: entry.action,
      actorType: actor.type,
      actorId: actor.id,
      actorDisplay: actor.display ?? null,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      targetDisplay: entry.target?.display ?? null,
      outcome: entry.outcome ?? 'success',
      reason: entry.reason ?? null,
      ip: context?.ip ?? null,
      userAgent: context?.userAgent?.slice(0, 512) ?? null,
      requestId: context?.requestId ?? null,
      diff: entry.diff ? maskSecrets(entry.diff) : null,
      occurredAt,
    });
  }
}
