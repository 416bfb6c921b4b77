import { Injectable, Logger } from '@nestjs/common';
import { exportJWK, generateKeyPair } from 'jose';
import { Clock, newId } from '#kernel';
import { AppConfig, AuditTrail } from '#platform';
import { planRotation, type RotationPolicy, type RotationStep } from '../../domain/signing-key/key-rotation-plan.js';
import { SigningKeyStore, type StoredSigningKey } from '../ports/signing-key-store.js';
import { ID_TOKEN_TTL_SECONDS } from './token-lifetimes.js';

const HOUR = 3_600_000;
const CLOCK_SKEW_MS = 5 * 60_000;

/** Applies the rotation plan to the key store, one instance at a time. */
@Injectable()
export class SigningKeyRotation {
  readonly #logger = new Logger('SigningKeyRotation');

  constructor(
    private readonly store: SigningKeyStore,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  get policy(): RotationPolicy {
    return {
      rotateAfterMs: this.config.keyRotationDays * 24 * HOUR,
      publishAheadMs: this.config.keyPublishAheadHours * HOUR,
      maxTokenLifetimeMs: Math.max(ID_TOKEN_TTL_SECONDS, this.config.accessTokenTtlSeconds) * 1000 + CLOCK_SKEW_MS,
    };
  }

  /** Brings the key set in line with the schedule; returns whether it changed. */
  reconcile(): Promise<boolean> {
    return this.store.exclusive(async () => {
      const now = this.clock.now();
      const steps = planRotation(await this.store.list(), now, this.policy);
      for (const step of steps) await this.apply(step, now);
      return steps.length > 0;
    });
  }

  /**
   * Operator rotation. Publishes a next key that starts signing after
   * `publishAheadHours` (0 in an emergency); with a next key already
   * published, `promoteNow` makes it sign at once.
   */
  rotate(options: { publishAheadHours?: number; promoteNow?: boolean } = {}): Promise<StoredSigningKey[]> {
    return this.store.exclusive(async () => {
      const now = this.clock.now();
      const next = (await this.store.list()).find((key) => key.status === 'next');
      if (next && options.promoteNow) {
        await this.store.update(next.kid, { activatesAt: now });
      } else if (!next) {
        const aheadMs = (options.publishAheadHours ?? this.config.keyPublishAheadHours) * HOUR;
        await this.apply({ kind: 'generate', status: 'next', activatesAt: new Date(now.getTime() + aheadMs) }, now);
      }
      for (const step of planRotation(await this.store.list(), now, this.policy)) await this.apply(step, now);
      return this.store.list();
    });
  }

  private async apply(step: RotationStep, now: Date): Promise<void> {
    switch (step.kind) {
      case 'generate': {
        const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
        const kid = `es256-${now.toISOString().slice(0, 10)}-${newId().slice(-12)}`;
        await this.store.add({
          kid,
          alg: 'ES256',
          status: step.status,
          createdAt: now,
          activatesAt: step.activatesAt,
          activatedAt: step.status === 'active' ? now : null,
          retiredAt: null,
          removeAfter: null,
          publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
          privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' },
        });
        this.#logger.log(`generated ${step.status} signing key ${kid}`);
        await this.audit.record({ tenantId: null, action: 'signing_key.generated', actor: { type: 'system', id: 'key-rotation' }, target: { type: 'signing_key', id: kid }, diff: { status: step.status, activatesAt: step.activatesAt?.toISOString() ?? null } });
        return;
      }
      case 'promote':
        await this.store.update(step.kid, { status: 'active', activatedAt: now, activatesAt: null });
        this.#logger.log(`signing key ${step.kid} now signs`);
        await this.audit.record({ tenantId: null, action: 'signing_key.rotated', actor: { type: 'system', id: 'key-rotation' }, target: { type: 'signing_key', id: step.kid } });
        return;
      case 'retire':
        await this.store.update(step.kid, { status: 'retired', retiredAt: now, removeAfter: step.removeAfter });
        return;
      case 'remove':
        await this.store.remove(step.kid);
        this.#logger.log(`retired signing key ${step.kid} removed from JWKS`);
        return;
    }
  }
}
