import { hash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { refusedByServer } from './sql-results.js';

interface PooledClient {
  query(config: { name?: string; text: string; values: unknown[]; query_timeout: number }): Promise<{ rows: unknown[] }>;
  release(error?: Error): void;
}

interface ClientPool {
  connect(): Promise<PooledClient>;
}

export interface StatementOptions {
  /**
   * false: planned for its values on every call. For a statement whose best
   * plan depends on the size of a table (an array of ids, a lookup by a
   * non-unique column), because PostgreSQL may keep for a prepared statement
   * a generic plan it built while the table was small.
   */
  prepare?: boolean;
}

/**
 * How long a hot statement may take before it fails and its connection is
 * retired. The provider's statements take turns on one lane, so one that
 * hangs (a lock, a stalled server) would otherwise hold every token request
 * behind it; failing it answers those requests with an error instead.
 */
const STATEMENT_TIMEOUT_MS = 10_000;

/** Runs one statement and answers its rows. */
export type RunStatement = <Row>(sql: string, values: unknown[], options?: StatementOptions) => Promise<Row[]>;

/**
 * Hot statements as named prepared statements on PostgreSQL: each connection
 * parses a statement once, and after a few calls PostgreSQL may plan it once
 * for all values (a generic plan). Only a lookup through the index of its
 * whole key has the same best plan whatever the table's size; anything else
 * passes `prepare: false` and is planned for its values each time. On the embedded
 * database they are plain queries. `sql` must be one of a few fixed texts (a
 * name is kept per text for the life of the process), never built from data.
 * A connection pooler in transaction mode must support prepared statements
 * (PgBouncer 1.21+ with max_prepared_statements). A statement that has not
 * answered within `timeoutMs` fails, and its connection is retired.
 */
export function preparedStatements(dataSource: DataSource, timeoutMs = STATEMENT_TIMEOUT_MS): RunStatement {
  // Only a PostgreSQL URL gives a pg pool; its `master` exists once the data source is initialized.
  const onPostgres = 'url' in dataSource.options && Boolean(dataSource.options.url);
  const names = new Map<string, string>();
  const nameOf = (sql: string) => {
    let name = names.get(sql);
    if (!name) names.set(sql, (name = `nx_${hash('sha256', sql, 'hex').slice(0, 24)}`));
    return name;
  };
  return async <Row>(sql: string, values: unknown[], options?: StatementOptions) => {
    const pool = onPostgres ? (dataSource.driver as unknown as { master?: ClientPool }).master : undefined;
    if (!pool) return (await dataSource.query(sql, values)) as Row[];
    const client = await pool.connect();
    try {
      const name = options?.prepare === false ? undefined : nameOf(sql);
      const { rows } = await client.query({ name, text: sql, values, query_timeout: timeoutMs });
      client.release();
      return rows as Row[];
    } catch (error) {
      // A statement the server refused leaves the connection (and what it prepared) usable; anything else retires it.
      client.release(refusedByServer(error) ? undefined : (error as Error));
      throw error;
    }
  };
}
