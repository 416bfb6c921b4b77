import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource, loadConfig } from '#platform';
import { createFolderApart } from '../../libs/platform/src/database/pglite-driver.js';

const embedded = () => createDataSource(loadConfig({ NEXINID_DATA_DIR: 'memory://' }), []);

/** Each embedded data source is a PGlite database of its own, and destroying one closes only it. */
describe('embedded database (PGlite)', () => {
  it('gives every data source its own database, and closing one leaves the other working', async () => {
    const [first, second] = [embedded(), embedded()];
    await first.initialize();
    await second.initialize();
    try {
      await first.query('CREATE TABLE only_in_first (id int)');
      await first.query('INSERT INTO only_in_first VALUES (1), (2)');
      await expect(second.query('SELECT * FROM only_in_first')).rejects.toThrow(/only_in_first/);

      await first.destroy();
      expect(await second.query('SELECT $1::int + 1 AS next', [41])).toEqual([{ next: 42 }]);
      // Booleans bound the ways TypeORM binds them.
      expect(await second.query('SELECT $1::boolean AS a, $2::boolean AS b, $3::boolean AS c', [true, 'false', 1])).toEqual([{ a: true, b: false, c: true }]);
    } finally {
      if (first.isInitialized) await first.destroy();
      await second.destroy();
    }
  });

  it('creates a new data folder in a child process, then opens it here', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nexinid-embedded-'));
    try {
      await createFolderApart(join(dataDir, 'pg'));
      // initdb ran and exited with the child: this process has not opened a database yet.
      expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
      const created = readdirSync(join(dataDir, 'pg')).sort();
      await createFolderApart(join(dataDir, 'pg'));
      expect(readdirSync(join(dataDir, 'pg')).sort()).toEqual(created);

      const dataSource = createDataSource(loadConfig({ NEXINID_DATA_DIR: dataDir }), []);
      await dataSource.initialize();
      try {
        expect(await dataSource.query('SHOW shared_buffers')).toEqual([{ shared_buffers: '16MB' }]);
      } finally {
        await dataSource.destroy();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
