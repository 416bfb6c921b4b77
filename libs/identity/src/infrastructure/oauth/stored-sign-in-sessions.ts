import { Injectable } from '@nestjs/common';
import { SignInSessions, storableText, UnitOfWork } from '#platform';

// oidc-provider's Session rows: a signed-out session is deleted, an expired one outlives its expiry until the sweeper runs.
const ACTIVE_SESSION = `SELECT 1 FROM identity.oidc_payloads
  WHERE model = 'Session' AND uid = $1 AND (expires_at IS NULL OR expires_at > now()) LIMIT 1`;

/**
 * Sessions as oidc-provider stores them, read through the ambient unit of
 * work: the admin API asks inside its command's transaction, which on the
 * embedded database holds its only connection.
 */
@Injectable()
export class StoredSignInSessions extends SignInSessions {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async active(sessionId: string): Promise<boolean> {
    if (!storableText(sessionId)) return false;
    const rows: unknown[] = await this.uow.manager.query(ACTIVE_SESSION, [sessionId]);
    return rows.length > 0;
  }
}
