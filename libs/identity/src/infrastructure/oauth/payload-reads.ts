import type { AdapterPayload } from 'oidc-provider';
import type { RunStatement } from '#platform';
import type { PayloadRow } from './request-read-ahead.js';
import { inOrder, type PayloadKey, StatementBatches, StatementLane } from './statement-batches.js';

/** The row of a model with an id, as a lateral subquery's one lookup by key. */
const ROW = (model: string, id: string) => `(SELECT * FROM identity.oidc_payloads WHERE model = ${model} AND id = ${id} LIMIT 1)`;

/**
 * Each of the ids (a JSON array) looked up by key, in a lateral subquery. As a
 * join or `= ANY(...)`, PostgreSQL may plan a scan of every row of a model
 * while the table is small, and keep that plan for the prepared statement.
 * `jsonb_array_elements_text` has a fixed row estimate (unlike `unnest`, whose
 * estimate follows the array), so PostgreSQL soon settles on one plan for all
 * batch sizes instead of planning each call.
 */
const EACH = (model: string, ids: string) => `jsonb_array_elements_text(${ids}::jsonb) AS k(id) CROSS JOIN LATERAL ${ROW(model, 'k.id')}`;

/** Tokens of model $1 with ids $2, each with its grant and its session, which the provider reads next. */
const TOKENS_WITH_GRANT_AND_SESSION = `
  SELECT t.id, t.payload, t.consumed_at, t.expires_at, t.grant_id, t.payload->>'sessionUid' AS session_uid,
         g.payload AS grant_payload, g.consumed_at AS grant_consumed_at, g.expires_at AS grant_expires_at,
         s.payload AS session_payload, s.consumed_at AS session_consumed_at, s.expires_at AS session_expires_at
  FROM ${EACH('$1', '$2')} t
  LEFT JOIN LATERAL ${ROW("'Grant'", 't.grant_id')} g ON true
  LEFT JOIN LATERAL (SELECT * FROM identity.oidc_payloads WHERE model = 'Session' AND uid = t.payload->>'sessionUid' LIMIT 1) s ON true`;

/**
 * Sessions with ids $1, each with the grants it holds for its clients (the
 * authorization endpoint loads the client's grant next).
 */
const SESSIONS_WITH_GRANTS = `
  SELECT s.id, s.payload, s.consumed_at, s.expires_at,
         (SELECT jsonb_agg(jsonb_build_object('id', g.id, 'payload', g.payload, 'consumed_at', g.consumed_at, 'expires_at', g.expires_at))
          FROM jsonb_each(CASE WHEN jsonb_typeof(s.payload->'authorizations') = 'object' THEN s.payload->'authorizations' END) a
          CROSS JOIN LATERAL ${ROW("'Grant'", "a.value->>'grantId'")} g) AS grants
  FROM ${EACH("'Session'", '$1')} s`;

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

  constructor(run: RunStatement, lane = new StatementLane()) {
    this.#tokens = new StatementBatches(
      async (keys) => {
        const ids = keys.map(({ id }) => id);
        return inOrder(ids, await run<TokenRow>(TOKENS_WITH_GRANT_AND_SESSION, [keys[0]!.model, JSON.stringify(ids)]));
      },
      ({ model }) => model,
      lane,
    );
    this.#sessions = new StatementBatches(
      async (ids) => inOrder(ids, await run<SessionRow>(SESSIONS_WITH_GRANTS, [JSON.stringify(ids)])),
      () => undefined,
      lane,
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
