import type { RunStatement } from '#platform';
import { payloadStore, type PayloadStore } from '../../libs/identity/src/infrastructure/oauth/payload.adapter.js';
import type { UpsertRow } from '../../libs/identity/src/infrastructure/oauth/upsert-batches.js';
import { type CountedStatements, countedStatements } from '../support/counted-statements.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';

const INSERT = `INSERT INTO identity.oidc_payloads (model, id, payload, grant_id, expires_at, consumed_at)
  SELECT model, id, payload, grant_id, now() + interval '1 hour', CASE WHEN consumed THEN now() END
  FROM jsonb_to_recordset($1::jsonb) AS r(model text, id text, payload jsonb, grant_id text, consumed boolean)`;

const refreshToken = (id: string, grantId: string, redeems?: string): UpsertRow => ({
  model: 'RefreshToken',
  id,
  payload: { jti: id, grantId },
  grant_id: grantId,
  uid: null,
  user_code: null,
  expires_at: new Date(Date.now() + 60_000),
  consumed: [],
  ...(redeems ? { redeems: { model: 'AuthorizationCode', id: redeems } } : {}),
});

/** A code's redemption written with the refresh token issued for it, and at the end of the request when none is; on the real database. */
describe('Redemptions of single-use tokens', () => {
  let nexinid: TestNexinId;
  let run: RunStatement;
  let statements: CountedStatements;
  let store: PayloadStore;

  beforeAll(async () => {
    nexinid = await startNexinId();
    statements = countedStatements(nexinid);
    run = statements.run;
  });
  afterAll(() => nexinid?.close());
  beforeEach(() => {
    store = payloadStore(run);
  });

  /** A grant with one code per id; the ids in `consumed` were redeemed already. */
  async function codes(grantId: string, ids: string[], consumed: string[] = []) {
    const rows = [
      { model: 'Grant', id: grantId, payload: { jti: grantId }, consumed: false },
      ...ids.map((id) => ({ model: 'AuthorizationCode', id, grant_id: grantId, payload: { jti: id, grantId }, consumed: consumed.includes(id) })),
    ];
    await run(INSERT, [JSON.stringify(rows)]);
    statements.reset();
  }
  const stored = (ids: string[]) =>
    run<{ id: string; consumed: boolean }>('SELECT id, consumed_at IS NOT NULL AS consumed FROM identity.oidc_payloads WHERE id = ANY($1) ORDER BY id', [ids]);

  it('consumes the code and saves the refresh token issued for it in one statement', async () => {
    await codes('g-one', ['code-one']);
    expect(await store.saves.save(refreshToken('rt-one', 'g-one', 'code-one'))).toBe(true);
    expect(statements.count).toBe(1);
    expect(await stored(['code-one', 'rt-one'])).toEqual([
      { id: 'code-one', consumed: true },
      { id: 'rt-one', consumed: false },
    ]);
  });

  it('saves nothing for a code redeemed before, and answers that the redemption lost', async () => {
    await codes('g-used', ['code-used'], ['code-used']);
    expect(await store.saves.save(refreshToken('rt-used', 'g-used', 'code-used'))).toBe(false);
    expect((await stored(['rt-used'])).length).toBe(0);
  });

  it('lets only the first of the redemptions of one code in a batch win, and saves the rest of the batch', async () => {
    await codes('g-race', ['code-race', 'code-other']);
    const blocker = store.saves.save(refreshToken('rt-blocker', 'g-race'));
    const waiting = [
      store.saves.save(refreshToken('rt-first', 'g-race', 'code-race')),
      store.saves.save(refreshToken('rt-second', 'g-race', 'code-race')),
      store.saves.save(refreshToken('rt-plain', 'g-race')),
      store.saves.save(refreshToken('rt-other', 'g-race', 'code-other')),
    ];
    expect(await Promise.all([blocker, ...waiting])).toEqual([true, true, false, true, true]);
    // The blocker alone, then the four waiting saves as one statement.
    expect(statements.count).toBe(2);
    expect((await stored(['code-race', 'code-other', 'rt-first', 'rt-second', 'rt-plain', 'rt-other'])).map((row) => [row.id, row.consumed])).toEqual([
      ['code-other', true],
      ['code-race', true],
      ['rt-first', false],
      ['rt-other', false],
      ['rt-plain', false],
    ]);
  });

  it('writes a redemption still held at the end of the request, and then leaves a won response as it is', async () => {
    await codes('g-held', ['code-held']);
    const ctx = { status: 200, body: { access_token: 'issued' } as unknown };
    expect(store.deferredConsume.defer('AuthorizationCode', 'code-held', ctx)).toBe(true);
    await store.deferredConsume.settle(ctx);
    expect(ctx).toEqual({ status: 200, body: { access_token: 'issued' } });
    expect(await stored(['code-held'])).toEqual([{ id: 'code-held', consumed: true }]);
  });

  it('turns the response of a request whose held redemption lost into invalid_grant, and revokes the grant', async () => {
    await codes('g-lost', ['code-lost', 'code-sibling'], ['code-lost']);
    const ctx = { status: 200, body: { access_token: 'issued' } as unknown };
    store.deferredConsume.defer('AuthorizationCode', 'code-lost', ctx);
    await store.deferredConsume.settle(ctx);
    expect(ctx).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'grant request is invalid' } });
    // The grant and every token of it are gone.
    expect(await stored(['g-lost', 'code-lost', 'code-sibling'])).toEqual([]);
  });
});
