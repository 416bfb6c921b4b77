import { Module } from '@nestjs/common';
import type { PersistenceParts } from '#platform';

export const auditPersistence: PersistenceParts = { entities: [], migrations: [] };

@Module({})
export class AuditModule {}
