import { createDataSource, loadConfig } from '#platform';

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
});
