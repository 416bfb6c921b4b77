import { AggregateRoot, DomainError, domainEvent, newId } from '#kernel';
import type { PublicationState } from './product.js';

export const EDITION_CODE_PATTERN = /^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$/;

export interface OfflinePolicy {
  allowed: boolean;
  /** Hours an offline lease lasts; 0 when offline use is not allowed. */
  leaseDurationHours: number;
  /** How many times a lease may be renewed without going online; 0 when not allowed. */
  maxRenewals: number;
}

export interface EditionState {
  id: string;
  tenantId: string;
  productId: string;
  code: string;
  name: string;
  featureKeys: string[];
  activationRequiresApproval: boolean;
  devicesPerSeat: number;
  offlinePolicy: OfflinePolicy;
  status: PublicationState;
  createdAt: Date;
  updatedAt: Date;
}

export type EditionInput = Pick<EditionState, 'code' | 'name' | 'featureKeys' | 'activationRequiresApproval' | 'devicesPerSeat' | 'offlinePolicy'>;

/**
 * One tier of a product: the manifest feature keys it unlocks, its seat and
 * device rules. `knownFeatureKeys` are the keys of the application's active
 * manifest, so licensing and the manifest share one mapping.
 */
export class Edition extends AggregateRoot {
  private constructor(private state: EditionState) {
    super();
  }

  static create(owner: { tenantId: string; productId: string }, input: EditionInput, knownFeatureKeys: ReadonlySet<string>, now: Date): Edition {
    if (!EDITION_CODE_PATTERN.test(input.code)) {
      throw new DomainError('licensing.invalid_edition', 'The edition code is not valid.', {
        errors: [{ field: 'code', message: 'code must be lower-case letters and digits in segments joined by - _ or ., starting with a letter' }],
      });
    }
    const featureKeys = [...new Set(input.featureKeys)];
    const unknown = featureKeys.filter((key) => !knownFeatureKeys.has(key));
    if (unknown.length > 0) {
      throw new DomainError('licensing.unknown_feature_key', `The active manifest has no feature ${unknown.join(', ')}.`, {
        featureKeys: unknown,
        errors: unknown.map((key) => ({ field: 'featureKeys', message: `unknown feature key ${key}` })),
      });
    }
    const offline = input.offlinePolicy;
    const offlinePolicy = offline.allowed ? { ...offline } : { allowed: false, leaseDurationHours: 0, maxRenewals: 0 };
    if (offline.allowed && offline.leaseDurationHours < 1) {
      throw new DomainError('licensing.invalid_edition', 'An offline lease must last at least one hour.', {
        errors: [{ field: 'offlinePolicy.leaseDurationHours', message: 'leaseDurationHours must be at least 1 when offline use is allowed' }],
      });
    }
    const edition = new Edition({ id: newId(now.getTime()), ...owner, ...input, name: input.name.trim(), featureKeys, offlinePolicy, status: 'draft', createdAt: now, updatedAt: now });
    edition.event('edition.created', now);
    return edition;
  }

  static restore(state: EditionState): Edition {
    return new Edition({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get productId(): string {
    return this.state.productId;
  }
  get code(): string {
    return this.state.code;
  }

  publish(now: Date): boolean {
    if (this.state.status === 'published') return false;
    this.state = { ...this.state, status: 'published', updatedAt: now };
    this.event('edition.published', now);
    return true;
  }

  snapshot(): Readonly<EditionState> {
    return { ...this.state, featureKeys: [...this.state.featureKeys], offlinePolicy: { ...this.state.offlinePolicy } };
  }

  private event(type: string, now: Date): void {
    const { id, productId, code } = this.state;
    this.record(domainEvent(type, this.state.tenantId, id, { editionId: id, productId, code }, now));
  }
}
