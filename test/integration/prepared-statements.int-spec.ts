import { createDataSource, loadConfig, preparedStatements } from '#platform';
import { createTestDatabase } from '../support/test-database.js';

/** On PostgreSQL (NEXINID_TEST_DATABASE_URL) statements are prepared once per connection; on PGlite they are plain queries. */
describe('preparedStatements', () => {
  it('answers rows, and on PostgreSQL prepares each text once per connection unless told not to', async () => {
    const database = await createTestDatabase();
    const dataSource = createDataSource(loadConfig({ NEXINID_DATA_DIR: 'memory://', DATABASE_POOL_SIZE: '1', ...(database.url ? { DATABASE_URL: database.url } : {}) }), []);
    await dataSource.initialize();
    try {
      const run = preparedStatements(dataSource);
      const sql = 'SELECT $1::int + 1 AS next, now() AS at';
      for (const value of [1, 41]) {
        const [row] = await run<{ next: number; at: Date }>(sql, [value]);
        expect(row.next).toBe(value + 1);
        expect(row.at).toBeInstanceOf(Date);
      }
      await expect(run('SELECT nonsense FROM nowhere', [])).rejects.toThrow(/nowhere/);
      // Planned for its values each time: nothing kept on the connection.
      const unprepared = 'SELECT $1::int * 2 AS twice';
      expect(await run(unprepared, [21], { prepare: false })).toEqual([{ twice: 42 }]);
      const prepared: Array<{ name: string; statement: string }> = await dataSource.query('SELECT name, statement FROM pg_prepared_statements');
      // One connection, kept through the refused statement: the one the statements ran on.
      expect(prepared.filter((statement) => statement.statement === sql)).toHaveLength(database.url ? 1 : 0);
      if (database.url) expect(prepared.find((statement) => statement.statement === sql)?.name).toMatch(/^nx_[0-9a-f]{24}$/);
      expect(prepared.filter((statement) => statement.statement === unprepared)).toHaveLength(0);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });

  it('fails a statement that does not answer in time, retires its connection, and the next statement runs', async () => {
    const database = await createTestDatabase();
    if (!database.url) return; // the embedded database runs in-process: nothing to wait on
    const dataSource = createDataSource(loadConfig({ NEXINID_DATA_DIR: 'memory://', DATABASE_POOL_SIZE: '1', DATABASE_URL: database.url }), []);
    await dataSource.initialize();
    try {
      const run = preparedStatements(dataSource, 200);
      const started = Date.now();
      await expect(run('SELECT pg_sleep(5)', [])).rejects.toThrow('Query read timeout');
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(await run<{ one: number }>('SELECT 1 AS one', [])).toEqual([{ one: 1 }]);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
