import type { RunStatement } from '#platform';
import { type UpsertRow, UpsertBatches } from '../../libs/identity/src/infrastructure/oauth/upsert-batches.js';
import { type CountedStatements, countedStatements } from '../support/counted-statements.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';

const row = (id: string, consumed: string[] = [], model = 'RefreshToken'): UpsertRow => ({
  model,
  id,
  payload: { jti: id, kind: model, grantId: 'grant-1' },
  grant_id: 'grant-1',
  uid: null,
  user_code: null,
  expires_at: new Date(Date.now() + 60_000),
  consumed,
});

/** Group commit of the provider's saves, on the real database and the real statement runner. */
describe('UpsertBatches', () => {
  let nexinid: TestNexinId;
  let run: RunStatement;
  let statements: CountedStatements;
  let batches: UpsertBatches;

  beforeAll(async () => {
    nexinid = await startNexinId();
    statements = countedStatements(nexinid);
    run = statements.run;
  });
  afterAll(() => nexinid?.close());
  beforeEach(() => {
    statements.reset();
    batches = new UpsertBatches(run);
  });

  const stored = (ids: string[]) =>
    run<{ id: string; payload: { jti: string }; consumed: boolean; expires_at: Date }>(
      'SELECT id, payload, consumed_at IS NOT NULL AS consumed, expires_at FROM identity.oidc_payloads WHERE id = ANY($1) ORDER BY id',
      [ids],
    );

  it('writes saves that arrive while a statement is in flight together, and resolves each once its row is committed', async () => {
    const predecessors = Array.from({ length: 6 }, (_, i) => `old-${i}`);
    await Promise.all(predecessors.map((id) => batches.save(row(id))));
    statements.reset();

    const successors = predecessors.map((id, i) => row(`new-${i}`, [id]));
    await Promise.all(successors.map((save) => batches.save(save)));

    // One goes alone, the five that waited go as one statement.
    expect(statements.count).toBe(2);
    const rows = await stored([...predecessors, ...successors.map((save) => save.id)]);
    expect(rows.filter((r) => r.id.startsWith('old-')).every((r) => r.consumed)).toBe(true);
    expect(rows.filter((r) => r.id.startsWith('new-')).map((r) => [r.id, r.payload.jti, r.consumed])).toEqual(
      successors.map((save) => [save.id, save.id, false]),
    );
    expect(rows.find((r) => r.id === 'new-5')!.expires_at.getTime()).toBe(successors[5]!.expires_at!.getTime());
  });

  it('updates a row saved again', async () => {
    await batches.save(row('again'));
    await batches.save({ ...row('again'), payload: { jti: 'again', kind: 'RefreshToken', changed: true } });
    const [saved] = await run<{ payload: { changed?: boolean } }>('SELECT payload FROM identity.oidc_payloads WHERE id = $1', ['again']);
    expect(saved!.payload.changed).toBe(true);
  });

  it('retries a refused batch row by row, so only the bad save fails', async () => {
    const blocker = batches.save(row('blocker'));
    // PostgreSQL refuses one statement that upserts the same row twice; row by row, both succeed.
    const waiting = [batches.save(row('twice')), batches.save(row('twice')), batches.save({ ...row('bad'), expires_at: 'not a time' as never }), batches.save(row('fine'))];
    const outcomes = await Promise.allSettled([blocker, ...waiting]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await stored(['twice', 'fine', 'bad'])).map((r) => r.id)).toEqual(['fine', 'twice']);
  });

  it('keeps saves whose consumes are of another model for a later batch', async () => {
    // The predecessors are committed first, as a rotation's always are: a consume can only mark a row that exists.
    await Promise.all([batches.save(row('b-1')), batches.save(row('b-2'))]);
    statements.reset();
    const blocker = batches.save(row('b-blocker'));
    const waiting = [batches.save(row('rt-next', ['b-1'])), batches.save(row('code-next', ['b-2'], 'AuthorizationCode'))];
    await Promise.all([blocker, ...waiting]);
    // The two waiting saves could not share a statement.
    expect(statements.count).toBe(3);

    // b-2 is a refresh token: a consume of an AuthorizationCode with that id touches nothing.
    expect((await stored(['b-1', 'b-2'])).map((r) => [r.id, r.consumed])).toEqual([
      ['b-1', true],
      ['b-2', false],
    ]);
  });
});
