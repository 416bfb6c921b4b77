import 'reflect-metadata';
import { ConfigError, createDataSource, loadConfig } from '#platform';
import { allPersistence } from './persistence.js';

/** `npm run migration:run`: applies pending migrations and exits (start-up does the same). */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = createDataSource(config, allPersistence);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length === 0) process.stdout.write('Database is up to date.\n');
    for (const migration of applied) process.stdout.write(`applied ${migration.name}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 78 : 1);
});
