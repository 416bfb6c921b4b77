import { mkdirSync } from 'node:fs';
import { DataSource, type MixedList } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { serialPgliteDriver } from './pglite-driver.js';

export interface PersistenceParts {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

/** A data source over every context's entities and migrations: PostgreSQL over `pg`, or PGlite (Postgres in WASM) in a data folder; one dialect. */
export function createDataSource(config: AppConfig, parts: PersistenceParts[]): DataSource {
  const common = {
    type: 'postgres' as const,
    entities: parts.flatMap((part) => part.entities as unknown[]) as PersistenceParts['entities'],
    migrations: parts.flatMap((part) => part.migrations as unknown[]) as PersistenceParts['migrations'],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
  };
  if (config.databaseUrl) {
    return new DataSource({ ...common, url: config.databaseUrl, extra: { max: config.databasePoolSize } });
  }
  const dataDir = config.dataDir.startsWith('memory://') ? config.dataDir : `${config.dataDir}/pg`;
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  return new DataSource({ ...common, driver: serialPgliteDriver(dataDir) });
}
