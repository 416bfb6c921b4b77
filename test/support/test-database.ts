import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * With NEXINID_TEST_DATABASE_URL set (CI's PostgreSQL run), each test app gets
 * a database of its own on that server, dropped on close. Without it, tests
 * run on the embedded database.
 */
export async function createTestDatabase(): Promise<{ url: string | undefined; drop(): Promise<void> }> {
  const admin = process.env.NEXINID_TEST_DATABASE_URL;
  if (!admin) return { url: undefined, drop: async () => undefined };
  const name = `nexinid_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** A database that outlives one NexinID, for restart tests: a database of its own on PostgreSQL, else a data folder on disk. */
export async function restartableDatabase(prefix: string): Promise<{ database: { url?: string; dataDir?: string }; remove(): Promise<void> }> {
  const server = await createTestDatabase();
  const dataDir = server.url ? undefined : mkdtempSync(join(tmpdir(), `${prefix}-`));
  return {
    database: { url: server.url, dataDir },
    remove: async () => {
      await server.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
