import { Global, HttpStatus, Module } from '@nestjs/common';
import { AuditTrail, type PersistenceParts, registerErrorStatuses } from '#platform';
import { AuditEventsController } from './api/audit-events.controller.js';
import { ListAuditEventsHandler } from './application/queries/list-audit-events/list-audit-events.handler.js';
import { DatabaseAuditTrail } from './infrastructure/database-audit-trail.js';
import { AuditEventOrmEntity } from './infrastructure/persistence/audit-event.orm-entity.js';
import { AuditSchema1767000000300 } from './infrastructure/persistence/migrations/1767000000300-audit-schema.js';

export const auditPersistence: PersistenceParts = { entities: [AuditEventOrmEntity], migrations: [AuditSchema1767000000300] };

const auditErrorStatuses = {
  'audit.invalid_cursor': HttpStatus.BAD_REQUEST,
} satisfies Record<string, HttpStatus>;
registerErrorStatuses(auditErrorStatuses);

/** The audit log every context writes to through the platform's AuditTrail port. */
@Global()
@Module({
  controllers: [AuditEventsController],
  providers: [DatabaseAuditTrail, { provide: AuditTrail, useExisting: DatabaseAuditTrail }, ListAuditEventsHandler],
  exports: [AuditTrail],
})
export class AuditModule {}
