import pg from 'pg';
import { DataSource } from 'typeorm';
import { preparedStatements, type RunStatement } from '#platform';
import { PayloadAdapter, payloadStore } from '../../libs/identity/src/infrastructure/oauth/payload.adapter.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';

const onPostgres = Boolean(process.env.NEXINID_TEST_DATABASE_URL);
/** A scan that is cheap only while the table is small: none at all, or an index read by model alone. */
const SCAN = /Seq Scan|Index Cond: \(model = [^)]*\)$/m;

/**
 * After a few calls PostgreSQL may plan a prepared statement once for all
 * values, and keeps that plan. Built while the table is small, it could scan
 * every row of a model for ever after. So each statement the provider's
 * adapter prepares must find its rows by key in its generic plan, even one
 * built on an empty table.
 */
(onPostgres ? describe : describe.skip)('prepared payload statements (PostgreSQL only)', () => {
  let nexinid: TestNexinId;
  afterAll(() => nexinid?.close());

  it('look their rows up by key in a generic plan built on an empty table', async () => {
    nexinid = await startNexinId();
    const dataSource = nexinid.app.get(DataSource);
    const real = preparedStatements(dataSource);
    const prepared = new Set<string>();
    const run: RunStatement = (sql, values, options) => {
      if (options?.prepare !== false) prepared.add(sql);
      return real(sql, values, options);
    };
    const store = payloadStore(run);
    const adapter = (model: string) => new PayloadAdapter(model, store);
    await dataSource.query('DELETE FROM identity.oidc_payloads');

    await adapter('Grant').upsert('grant-1', { jti: 'grant-1' }, 60);
    await adapter('Session').upsert('session-1', { jti: 'session-1', uid: 'uid-1', authorizations: { web: { grantId: 'grant-1' } } }, 60);
    await adapter('AuthorizationCode').upsert('code-1', { jti: 'code-1', grantId: 'grant-1', sessionUid: 'uid-1' }, 60);
    await adapter('RefreshToken').upsert('rt-1', { jti: 'rt-1', grantId: 'grant-1', sessionUid: 'uid-1' }, 60);
    const save = { model: 'RefreshToken', payload: { grantId: 'grant-1' }, grant_id: 'grant-1', uid: null, user_code: null, expires_at: null, consumed: [] };
    await store.saves.save({ ...save, id: 'rt-2', consumed: ['rt-1'] });
    await adapter('AuthorizationCode').upsert('code-2', { jti: 'code-2', grantId: 'grant-1' }, 60);
    await store.saves.save({ ...save, id: 'rt-3', redeems: { model: 'AuthorizationCode', id: 'code-2' } });
    expect(await adapter('Session').find('session-1')).toMatchObject({ uid: 'uid-1' });
    expect(await adapter('AuthorizationCode').find('code-1')).toMatchObject({ grantId: 'grant-1' });
    await adapter('AuthorizationCode').consume('code-1');
    await adapter('RefreshToken').consume('rt-2');
    // Lists of several ids: a held consume of three, and concurrent statements of each kind (two run alone, the rest as one list).
    const request = {};
    for (const id of ['rt-1', 'rt-2', 'rt-3']) store.deferredConsume.defer('RefreshToken', id, request);
    await store.deferredConsume.flush('RefreshToken', request);
    const four = ['a', 'b', 'c', 'd'];
    await Promise.all(four.map((at) => adapter('AuthorizationCode').upsert(`code-${at}`, { jti: `code-${at}`, grantId: 'grant-1' }, 60)));
    await Promise.all(four.map((at) => store.singleUse.consume('AuthorizationCode', `code-${at}`)));
    await Promise.all(four.map((at) => store.saves.save({ ...save, id: `rt-${at}`, consumed: [`rt-x${at}`] })));
    await Promise.all(four.map((at) => store.saves.save({ ...save, id: `rt-r${at}`, redeems: { model: 'AuthorizationCode', id: `code-r${at}` } })));
    await adapter('ReplayDetection').upsert('jti-1', { iat: 1 }, 60);
    expect(await adapter('Interaction').find('interaction-1')).toBeUndefined();
    await adapter('Interaction').destroy('interaction-1');
    // The reads, the consumes, the saves alone, with a consume and with a redemption, the plain lookup, replay record and delete.
    expect(prepared.size).toBeGreaterThanOrEqual(10);
    // Each consuming statement for a list of more than one id, too.
    expect([...prepared].filter((sql) => sql.includes(' c2 AS (')).length).toBe(4);

    const client = new pg.Client({ connectionString: nexinid.config.databaseUrl });
    await client.connect();
    try {
      await client.query('SET plan_cache_mode = force_generic_plan');
      for (const sql of prepared) {
        await client.query(`PREPARE plan_check AS ${sql}`);
        const parameters = Number(sql.match(/\$(\d+)/g)?.map((at) => Number(at.slice(1))).reduce((a, b) => Math.max(a, b)) ?? 0);
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE plan_check(${Array(parameters).fill('NULL').join(', ')})`);
        await client.query('DEALLOCATE plan_check');
        const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
        expect({ sql, plan }).toEqual({ sql, plan: expect.not.stringMatching(SCAN) });
      }
    } finally {
      await client.end();
    }
  });
});
