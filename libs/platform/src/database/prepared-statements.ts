import { hash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { refusedByServer } from './sql-results.js';

interface PooledClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
  release(error?: Error): void;
}

interface ClientPool {
  connect(): Promise<PooledClient>;
}

/** Runs one statement and answers its rows. */
export type RunStatement = <Row>(sql: string, values: unknown[]) => Promise<Row[]>;

/**
 * Hot statements as named prepared statements on PostgreSQL: each connection
 * parses and plans a statement once, not on every call (the provider's token
 * read ran 2.3–2.7x faster that way, docs/performance.md). On the embedded
 * database they are plain queries. `sql` must be one of a few fixed texts (a
 * name is kept per text for the life of the process), never built from data.
 * A connection pooler in transaction mode must support prepared statements
 * (PgBouncer 1.21+ with max_prepared_statements).
 */
export function preparedStatements(dataSource: DataSource): RunStatement {
  // Only a PostgreSQL URL gives a pg pool; its `master` exists once the data source is initialized.
  const onPostgres = 'url' in dataSource.options && Boolean(dataSource.options.url);
  const names = new Map<string, string>();
  return async <Row>(sql: string, values: unknown[]) => {
    const pool = onPostgres ? (dataSource.driver as unknown as { master?: ClientPool }).master : undefined;
    if (!pool) return (await dataSource.query(sql, values)) as Row[];
    let name = names.get(sql);
    if (!name) names.set(sql, (name = `nx_${hash('sha256', sql, 'hex').slice(0, 24)}`));
    const client = await pool.connect();
    try {
      const { rows } = await client.query({ name, text: sql, values });
      client.release();
      return rows as Row[];
    } catch (error) {
      // A statement the server refused leaves the connection (and what it prepared) usable; anything else retires it.
      client.release(refusedByServer(error) ? undefined : (error as Error));
      throw error;
    }
  };
}
