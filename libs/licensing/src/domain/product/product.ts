import { AggregateRoot, DomainError, domainEvent, newId } from '#kernel';

export const PRODUCT_VISIBILITIES = ['public', 'private', 'allowlist'] as const;
export type ProductVisibility = (typeof PRODUCT_VISIBILITIES)[number];
export type PublicationState = 'draft' | 'published';

/** At most this many consumer organizations on one product's allowlist. */
export const MAX_ALLOWLIST = 500;

export interface ProductState {
  id: string;
  tenantId: string;
  organizationId: string;
  applicationId: string;
  name: string;
  visibility: ProductVisibility;
  status: PublicationState;
  allowlist: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** A vendor organization's application offered on the marketplace; editions hang off it. */
export class Product extends AggregateRoot {
  private constructor(private state: ProductState) {
    super();
  }

  static create(owner: { tenantId: string; organizationId: string; applicationId: string }, input: { name: string; visibility: ProductVisibility }, now: Date): Product {
    const product = new Product({ id: newId(now.getTime()), ...owner, name: input.name.trim(), visibility: input.visibility, status: 'draft', allowlist: [], createdAt: now, updatedAt: now });
    product.event('product.created', now, { name: product.state.name, visibility: input.visibility });
    return product;
  }

  static restore(state: ProductState): Product {
    return new Product({ ...state, allowlist: [...state.allowlist] });
  }

  get id(): string {
    return this.state.id;
  }
  get tenantId(): string {
    return this.state.tenantId;
  }
  get organizationId(): string {
    return this.state.organizationId;
  }
  get applicationId(): string {
    return this.state.applicationId;
  }

  /** Publishing an already published product changes nothing (and says so with false). */
  publish(now: Date): boolean {
    if (this.state.status === 'published') return false;
    this.state = { ...this.state, status: 'published', updatedAt: now };
    this.event('product.published', now, {});
    return true;
  }

  /** Replaces the consumer organizations allowed when visibility is `allowlist` (or the application's policy is). */
  replaceAllowlist(organizationIds: readonly string[], now: Date): { before: string[]; after: string[] } {
    const after = [...new Set(organizationIds)].sort();
    if (after.length > MAX_ALLOWLIST) {
      throw new DomainError('licensing.allowlist_too_long', `An allowlist holds at most ${MAX_ALLOWLIST} organizations.`, { limit: MAX_ALLOWLIST, requested: after.length });
    }
    const before = this.state.allowlist;
    this.state = { ...this.state, allowlist: after, updatedAt: now };
    this.event('product.allowlist_replaced', now, { organizationIds: after });
    return { before, after };
  }

  snapshot(): Readonly<ProductState> {
    return { ...this.state, allowlist: [...this.state.allowlist] };
  }

  private event(type: string, now: Date, extra: Record<string, unknown>): void {
    const { id, organizationId, applicationId } = this.state;
    this.record(domainEvent(type, this.state.tenantId, id, { productId: id, organizationId, applicationId, ...extra }, now));
  }
}
