import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { DataSource } from 'typeorm';
import { REFRESH_REUSE_LEEWAY_SECONDS } from '../../application/services/token-lifetimes.js';

/**
 * oidc-provider's storage for everything except clients: one table keyed by
 * (model, id), payload as jsonb, indexed copies of grant id, uid and user code.
 * Every call is independent (no ambient transaction), as the provider expects.
 */
export class PayloadAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly dataSource: DataSource,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
    const conflict =
      this.model === 'ReplayDetection'
        ? 'DO NOTHING'
        : 'DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, uid = EXCLUDED.uid, user_code = EXCLUDED.user_code, expires_at = EXCLUDED.expires_at';
    await this.dataSource.query(
      `INSERT INTO identity.oidc_payloads (model, id, payload, grant_id, uid, user_code, expires_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7) ON CONFLICT (model, id) ${conflict}`,
      [this.model, id, JSON.stringify(payload), payload.grantId ?? null, payload.uid ?? null, payload.userCode ?? null, expiresAt],
    );
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return this.findBy('id', id);
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.findBy('uid', uid);
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.findBy('user_code', userCode);
  }

  async consume(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE identity.oidc_payloads SET consumed_at = now() WHERE model = $1 AND id = $2 AND consumed_at IS NULL`,
      [this.model, id],
    );
  }

  async destroy(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM identity.oidc_payloads WHERE model = $1 AND id = $2`, [this.model, id]);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM identity.oidc_payloads WHERE model = $1 AND grant_id = $2`, [this.model, grantId]);
  }

  private async findBy(column: 'id' | 'uid' | 'user_code', value: string): Promise<AdapterPayload | undefined> {
    const rows: Array<{ payload: AdapterPayload; consumed_at: Date | null; expires_at: Date | null }> =
      await this.dataSource.query(
        `SELECT payload, consumed_at, expires_at FROM identity.oidc_payloads WHERE model = $1 AND ${column} = $2`,
        [this.model, value],
      );
    const row = rows[0];
    if (!row) return undefined;
    if (row.expires_at && row.expires_at.getTime() < Date.now() - 60_000 && this.model !== 'RefreshToken') return undefined;
    return row.consumed_at && !this.withinReuseLeeway(row.consumed_at) ? { ...row.payload, consumed: true } : row.payload;
  }

  /**
   * Concurrent refreshes with one refresh token (two tabs, a retry) would
   * otherwise trip reuse detection and revoke the whole grant.
   */
  private withinReuseLeeway(consumedAt: Date): boolean {
    return this.model === 'RefreshToken' && Date.now() - consumedAt.getTime() < REFRESH_REUSE_LEEWAY_SECONDS * 1000;
  }
}
