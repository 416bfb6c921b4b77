import { AggregateRoot, DomainError, domainEvent, newId } from '#kernel';
import { APPLICATION_KEY_PATTERN, type ApplicationStatus, type ExternalConsumptionPolicy } from './application-key.js';

export interface ApplicationState {
  id: string;
  tenantId: string;
  organizationId: string;
  key: string;
  name: string;
  status: ApplicationStatus;
  externalConsumptionPolicy: ExternalConsumptionPolicy;
  createdAt: Date;
  updatedAt: Date;
}

export type ApplicationChanges = Partial<Pick<ApplicationState, 'name' | 'status' | 'externalConsumptionPolicy'>>;

/** A customer application registered under an organization; clients and environments hang off it. */
export class Application extends AggregateRoot {
  private constructor(private state: ApplicationState) {
    super();
  }

  static create(
    owner: { tenantId: string; organizationId: string },
    input: { key: string; name: string; externalConsumptionPolicy: ExternalConsumptionPolicy },
    now: Date,
  ): Application {
    if (!APPLICATION_KEY_PATTERN.test(input.key)) {
      throw new DomainError('tenancy.invalid_application_key', 'The application key is not valid.', {
        errors: [{ field: 'key', message: 'key must be 2-64 lower-case letters, digits, dots or hyphens, starting with a letter' }],
      });
    }
    const application = new Application({
      id: newId(now.getTime()),
      ...owner,
      key: input.key,
      name: input.name.trim(),
      status: 'active',
      externalConsumptionPolicy: input.externalConsumptionPolicy,
      createdAt: now,
      updatedAt: now,
    });
    application.event('application.created', now);
    return application;
  }

  static restore(state: ApplicationState): Application {
    return new Application({ ...state });
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
  get key(): string {
    return this.state.key;
  }
  get name(): string {
    return this.state.name;
  }

  /** Applies the changes that differ; returns before/after of what changed (empty when nothing did). */
  update(changes: ApplicationChanges, now: Date): { before: ApplicationChanges; after: ApplicationChanges } {
    const before: ApplicationChanges = {};
    const after: ApplicationChanges = {};
    for (const field of ['name', 'status', 'externalConsumptionPolicy'] as const) {
      const value = field === 'name' ? changes.name?.trim() : changes[field];
      if (value === undefined || value === this.state[field]) continue;
      Object.assign(before, { [field]: this.state[field] });
      Object.assign(after, { [field]: value });
    }
    if (Object.keys(after).length > 0) {
      this.state = { ...this.state, ...after, updatedAt: now };
      this.event('application.updated', now);
    }
    return { before, after };
  }

  markDeleted(now: Date): void {
    this.event('application.deleted', now);
  }

  snapshot(): Readonly<ApplicationState> {
    return { ...this.state };
  }

  private event(type: string, now: Date): void {
    const { id, organizationId, key, status } = this.state;
    this.record(domainEvent(type, this.state.tenantId, id, { applicationId: id, organizationId, key, status }, now));
  }
}
