import type { AdapterPayload } from 'oidc-provider';
import type { RunStatement } from '#platform';
import type { PayloadRow } from './request-read-ahead.js';
import { inOrder, type PayloadKey, StatementBatches } from './statement-batches.js';

/**
 * Every row is its own lookup by key (a lateral subquery, or a scalar id for
 * a read of one). As a join or `= ANY($2)`, PostgreSQL may plan a scan of
 * every token, grant or session of a model while the table is small, and keep
 * that plan for the prepared statement.
 */
const ONE = (model: string, id: string) => `(SELECT * FROM identity.oidc_payloads WHERE model = ${model} AND id = ${id} LIMIT 1)`;
const EACH = (model: string, ids: string) => `unnest(${ids}::text[]) AS k(id) CROSS JOIN LATERAL ${ONE(model, 'k.id')}`;

/** Tokens of model $1 (ids $2, or id $2 alone), each with its grant and its session, which the provider reads next. */
const TOKENS_WITH_GRANT_AND_SESSION = (tokens: string) => `
  SELECT t.id, t.payload, t.consumed_at, t.expires_at, t.grant_id, t.payload->>'sessionUid' AS session_uid,
         g.payload AS grant_payload, g.consumed_at AS grant_consumed_at, g.expires_at AS grant_expires_at,
         s.payload AS session_payload, s.consumed_at AS session_consumed_at, s.expires_at AS session_expires_at
  FROM ${tokens} t
  LEFT JOIN LATERAL ${ONE("'Grant'", 't.grant_id')} g ON true
  LEFT JOIN LATERAL (SELECT * FROM identity.oidc_payloads WHERE model = 'Session' AND uid = t.payload->>'sessionUid' LIMIT 1) s ON true`;
const TOKEN_READ = TOKENS_WITH_GRANT_AND_SESSION(ONE('$1', '$2'));
const TOKENS_READ = TOKENS_WITH_GRANT_AND_SESSION(EACH('$1', '$2'));

/**
 * Sessions (ids $1, or id $1 alone), each with the grants it holds for its
 * clients (the authorization endpoint loads the client's grant next).
 */
const SESSIONS_WITH_GRANTS = (sessions: string) => `
  SELECT s.id, s.payload, s.consumed_at, s.expires_at,
         (SELECT jsonb_agg(jsonb_build_object('id', g.id, 'payload', g.payload, 'consumed_at', g.consumed_at, 'expires_at', g.expires_at))
          FROM jsonb_each(CASE WHEN jsonb_typeof(s.payload->'authorizations') = 'object' THEN s.payload->'authorizations' END) a
          CROSS JOIN LATERAL ${ONE("'Grant'", "a.value->>'grantId'")} g) AS grants
  FROM ${sessions} s`;
const SESSION_READ = SESSIONS_WITH_GRANTS(ONE("'Session'", '$1'));
const SESSIONS_READ = SESSIONS_WITH_GRANTS(EACH("'Session'", '$1'));

export interface TokenRow extends PayloadRow {
  id: string;
  grant_id: string | null;
  session_uid: string | null;
  grant_payload: AdapterPayload | null;
  grant_consumed_at: Date | null;
  grant_expires_at: Date | null;
  session_payload: AdapterPayload | null;
  session_consumed_at: Date | null;
  session_expires_at: Date | null;
}

export interface SessionRow extends PayloadRow {
  id: string;
  grants: Array<{ id: string; payload: AdapterPayload; consumed_at: string | null; expires_at: string | null }> | null;
}

/**
 * The provider's hot reads, grouped like its saves (see StatementBatches):
 * concurrent token requests that arrive while reads are in flight share one
 * statement. A read runs after everything its own request wrote, so it sees
 * what a separate statement at that point would have seen.
 */
export class PayloadReads {
  readonly #tokens: StatementBatches<PayloadKey, TokenRow | undefined>;
  readonly #sessions: StatementBatches<string, SessionRow | undefined>;

  constructor(run: RunStatement) {
    this.#tokens = new StatementBatches(
      async (keys) => {
        const ids = keys.map(({ id }) => id);
        return inOrder(ids, await run<TokenRow>(ids.length === 1 ? TOKEN_READ : TOKENS_READ, [keys[0]!.model, ids.length === 1 ? ids[0] : ids]));
      },
      ({ model }) => model,
    );
    this.#sessions = new StatementBatches(
      async (ids) => inOrder(ids, await run<SessionRow>(ids.length === 1 ? SESSION_READ : SESSIONS_READ, [ids.length === 1 ? ids[0] : ids])),
      () => undefined,
    );
  }

  /** A grant-bound token (refresh token, authorization code) with its grant and session. */
  token(model: string, id: string): Promise<TokenRow | undefined> {
    return this.#tokens.submit({ model, id });
  }

  session(id: string): Promise<SessionRow | undefined> {
    return this.#sessions.submit(id);
  }
}
