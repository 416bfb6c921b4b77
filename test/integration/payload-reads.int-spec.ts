import type { RunStatement } from '#platform';
import { PayloadReads } from '../../libs/identity/src/infrastructure/oauth/payload-reads.js';
import { SingleUseConsumes } from '../../libs/identity/src/infrastructure/oauth/single-use-consumes.js';
import { type CountedStatements, countedStatements } from '../support/counted-statements.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';

const INSERT = `INSERT INTO identity.oidc_payloads (model, id, payload, grant_id, uid, expires_at)
  SELECT model, id, payload, grant_id, uid, now() + interval '1 hour' FROM jsonb_to_recordset($1::jsonb) AS r(model text, id text, payload jsonb, grant_id text, uid text)`;

/** The provider's grouped hot reads and single-use consumes, on the real database and the real statement runner. */
describe('PayloadReads and SingleUseConsumes', () => {
  let nexinid: TestNexinId;
  let run: RunStatement;
  let statements: CountedStatements;
  let reads: PayloadReads;

  beforeAll(async () => {
    nexinid = await startNexinId();
    statements = countedStatements(nexinid);
    run = statements.run;
    // Two sessions with a grant each, a third grant nobody holds, a refresh token per session and an authorization code.
    const rows = [
      { model: 'Grant', id: 'grant-a', payload: { jti: 'grant-a' } },
      { model: 'Grant', id: 'grant-b', payload: { jti: 'grant-b' } },
      { model: 'Grant', id: 'grant-other', payload: { jti: 'grant-other' } },
      { model: 'Session', id: 'session-a', uid: 'uid-a', payload: { jti: 'session-a', uid: 'uid-a', authorizations: { web: { grantId: 'grant-a' } } } },
      { model: 'Session', id: 'session-b', uid: 'uid-b', payload: { jti: 'session-b', uid: 'uid-b', authorizations: { web: { grantId: 'grant-b' }, cli: { grantId: 'grant-gone' } } } },
      { model: 'Session', id: 'session-none', uid: 'uid-none', payload: { jti: 'session-none', uid: 'uid-none' } },
      ...Array.from({ length: 6 }, (_, i) => ({ model: 'RefreshToken', id: `rt-${i}`, grant_id: i % 2 ? 'grant-b' : 'grant-a', payload: { jti: `rt-${i}`, grantId: i % 2 ? 'grant-b' : 'grant-a', sessionUid: i % 2 ? 'uid-b' : 'uid-a' } })),
      { model: 'AuthorizationCode', id: 'code-1', grant_id: 'grant-a', payload: { jti: 'code-1', grantId: 'grant-a', sessionUid: 'uid-a' } },
      ...Array.from({ length: 4 }, (_, i) => ({ model: 'AuthorizationCode', id: `once-${i}`, grant_id: `grant-once-${i}`, payload: { jti: `once-${i}` } })),
    ];
    await run(INSERT, [JSON.stringify(rows)]);
  });
  afterAll(() => nexinid?.close());
  beforeEach(() => {
    statements.reset();
    reads = new PayloadReads(run);
  });

  it('reads tokens that arrive while a read is in flight together, each answered with its own grant and session', async () => {
    const ids = ['rt-0', 'rt-1', 'rt-2', 'rt-3', 'rt-missing', 'rt-5'];
    const rows = await Promise.all(ids.map((id) => reads.token('RefreshToken', id)));

    // One goes alone, the five that waited go as one statement.
    expect(statements.count).toBe(2);
    expect(rows.map((row) => row && [row.payload.jti, row.grant_payload?.jti, row.session_payload?.jti])).toEqual([
      ['rt-0', 'grant-a', 'session-a'],
      ['rt-1', 'grant-b', 'session-b'],
      ['rt-2', 'grant-a', 'session-a'],
      ['rt-3', 'grant-b', 'session-b'],
      undefined,
      ['rt-5', 'grant-b', 'session-b'],
    ]);
  });

  it('never answers a token of one model for a read of another', async () => {
    const rows = await Promise.all([reads.token('RefreshToken', 'rt-0'), reads.token('RefreshToken', 'rt-1'), reads.token('AuthorizationCode', 'rt-2'), reads.token('AuthorizationCode', 'code-1'), reads.token('RefreshToken', 'code-1')]);
    expect(rows.map((row) => row?.payload.jti)).toEqual(['rt-0', 'rt-1', undefined, 'code-1', undefined]);
    // The waiting reads of the two models could not share a statement.
    expect(statements.count).toBe(3);
  });

  it('answers each session with the grants it holds, and nothing for an unknown one', async () => {
    const sessions = await Promise.all(['session-a', 'session-b', 'session-none', 'session-missing'].map((id) => reads.session(id)));
    expect(sessions.map((session) => session && [session.payload.jti, (session.grants ?? []).map((grant) => grant.id)])).toEqual([
      ['session-a', ['grant-a']],
      ['session-b', ['grant-b']],
      ['session-none', []],
      undefined,
    ]);
  });

  it('consumes single-use tokens once: concurrent redemptions share a statement and only the first of one token wins', async () => {
    const consumes = new SingleUseConsumes(run);
    const outcomes = await Promise.all(
      ['once-0', 'once-1', 'once-2', 'once-2', 'once-missing', 'once-3'].map((id) => consumes.consume('AuthorizationCode', id)),
    );
    // One goes alone, the five that waited go as one statement, which holds once-2 twice.
    expect(statements.count).toBe(2);
    expect(outcomes).toEqual([
      { won: true, grantId: 'grant-once-0' },
      { won: true, grantId: 'grant-once-1' },
      { won: true, grantId: 'grant-once-2' },
      { won: false, grantId: 'grant-once-2' },
      { won: false, grantId: null },
      { won: true, grantId: 'grant-once-3' },
    ]);
    // Redeemed again later: lost, with the grant to revoke.
    expect(await consumes.consume('AuthorizationCode', 'once-0')).toEqual({ won: false, grantId: 'grant-once-0' });
    // A refresh token with a code's id is another row.
    expect((await consumes.consume('RefreshToken', 'once-1')).won).toBe(false);
  });
});
