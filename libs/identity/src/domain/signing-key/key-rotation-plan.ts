export type SigningKeyStatus = 'next' | 'active' | 'retired';

export interface SigningKeyRecord {
  kid: string;
  status: SigningKeyStatus;
  createdAt: Date;
  /** When a `next` key takes over signing. */
  activatesAt: Date | null;
  activatedAt: Date | null;
  retiredAt: Date | null;
  /** When a retired key leaves JWKS: after the last token it signed has expired. */
  removeAfter: Date | null;
}

export interface RotationPolicy {
  /** How long a key signs before its successor takes over. */
  rotateAfterMs: number;
  /** How long a new key is published in JWKS before it signs, so relying parties' caches learn it first. */
  publishAheadMs: number;
  /** Longest lifetime of anything signed (ID tokens, access tokens) plus clock skew. */
  maxTokenLifetimeMs: number;
}

export type RotationStep =
  | { kind: 'generate'; status: 'active' | 'next'; activatesAt: Date | null }
  | { kind: 'promote'; kid: string }
  | { kind: 'retire'; kid: string; removeAfter: Date }
  | { kind: 'remove'; kid: string };

/**
 * The rotation rules as a pure function of the key set and the time: publish
 * the next key `publishAheadMs` before it signs, promote it when due, keep the
 * retired key verifiable until its last token has expired, then drop it.
 */
export function planRotation(keys: SigningKeyRecord[], now: Date, policy: RotationPolicy): RotationStep[] {
  const steps: RotationStep[] = [];
  const active = keys.find((key) => key.status === 'active');
  const next = keys.find((key) => key.status === 'next');
  const retireCurrent = (): void => {
    if (active) {
      steps.push({ kind: 'retire', kid: active.kid, removeAfter: new Date(now.getTime() + policy.maxTokenLifetimeMs) });
    }
  };

  if (!active && !next) {
    steps.push({ kind: 'generate', status: 'active', activatesAt: null });
  } else if (next && (!active || (next.activatesAt && next.activatesAt <= now))) {
    retireCurrent();
    steps.push({ kind: 'promote', kid: next.kid });
  } else if (active && !next) {
    const dueAt = (active.activatedAt ?? active.createdAt).getTime() + policy.rotateAfterMs;
    if (dueAt - policy.publishAheadMs <= now.getTime()) {
      const activatesAt = new Date(Math.max(dueAt, now.getTime() + policy.publishAheadMs));
      steps.push({ kind: 'generate', status: 'next', activatesAt });
    }
  }

  for (const key of keys) {
    if (key.status === 'retired' && key.removeAfter && key.removeAfter <= now) steps.push({ kind: 'remove', kid: key.kid });
  }
  return steps;
}

/** Order for the provider's keystore: the signer first, then keys kept only for verification. */
export function publicationOrder<K extends { status: SigningKeyStatus; createdAt: Date }>(keys: K[]): K[] {
  const rank: Record<SigningKeyStatus, number> = { active: 0, retired: 1, next: 2 };
  return [...keys].sort((a, b) => rank[a.status] - rank[b.status] || b.createdAt.getTime() - a.createdAt.getTime());
}
