import { randomBytes } from 'node:crypto';
import { DomainError, newId } from '#kernel';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface InvitationState {
  id: string;
  tenantId: string;
  organizationId: string;
  membershipId: string;
  email: string;
  /** Keyed hash of the one-time token; the token itself is shown once to the inviter. */
  tokenHash: string;
  expiresAt: Date;
  acceptedAt: Date | null;
  createdAt: Date;
}

/** 256 random bits, url-safe, prefixed so a leaked token is recognisable in logs and secret scanners. */
export function generateInvitationToken(): string {
  return `nxinv_${randomBytes(32).toString('base64url')}`;
}

/** The one-time proof that lets the invited person claim an invited membership. */
export class Invitation {
  private constructor(private state: InvitationState) {}

  static issue(input: Omit<InvitationState, 'id' | 'expiresAt' | 'acceptedAt' | 'createdAt'>, now: Date): Invitation {
    return new Invitation({
      ...input,
      id: newId(now.getTime()),
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      acceptedAt: null,
      createdAt: now,
    });
  }

  static restore(state: InvitationState): Invitation {
    return new Invitation({ ...state });
  }

  get membershipId(): string {
    return this.state.membershipId;
  }
  get email(): string {
    return this.state.email;
  }
  get expiresAt(): Date {
    return this.state.expiresAt;
  }

  /** Marks the token used; fails when it was used before or has expired. */
  accept(now: Date): void {
    if (this.state.acceptedAt) throw new DomainError('tenancy.invitation_not_found', 'This invitation was already used.');
    if (now.getTime() >= this.state.expiresAt.getTime()) {
      throw new DomainError('tenancy.invitation_expired', 'This invitation has expired; ask for a new one.', {
        expiredAt: this.state.expiresAt.toISOString(),
      });
    }
    this.state = { ...this.state, acceptedAt: now };
  }

  snapshot(): Readonly<InvitationState> {
    return { ...this.state };
  }
}
