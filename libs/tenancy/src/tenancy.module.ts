import { Module } from '@nestjs/common';
import type { PersistenceParts } from '#platform';

export const tenancyPersistence: PersistenceParts = { entities: [], migrations: [] };

@Module({})
export class TenancyModule {}
