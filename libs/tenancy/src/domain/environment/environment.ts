import { AggregateRoot, DomainError, domainEvent, newId } from '#kernel';
import { ENVIRONMENT_KEY_PATTERN } from '../application/application-key.js';

export interface EnvironmentState {
  id: string;
  tenantId: string;
  applicationId: string;
  key: string;
  name: string;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type EnvironmentFields = Pick<EnvironmentState, 'key' | 'name' | 'description'>;

function checkKey(key: string): void {
  if (ENVIRONMENT_KEY_PATTERN.test(key)) return;
  throw new DomainError('tenancy.invalid_environment_key', 'The environment key is not valid.', {
    errors: [{ field: 'key', message: 'key must be 2-32 lower-case letters, digits or hyphens, starting with a letter' }],
  });
}

/** A named stage of an application (development, staging, production) that configuration and clients are scoped to. */
export class Environment extends AggregateRoot {
  private constructor(private state: EnvironmentState) {
    super();
  }

  static create(owner: { tenantId: string; applicationId: string }, fields: EnvironmentFields, now: Date): Environment {
    checkKey(fields.key);
    const environment = new Environment({
      id: newId(now.getTime()),
      ...owner,
      key: fields.key,
      name: fields.name.trim(),
      description: fields.description?.trim() || null,
      createdAt: now,
      updatedAt: now,
    });
    environment.event('environment.created', now);
    return environment;
  }

  static restore(state: EnvironmentState): Environment {
    return new Environment({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get key(): string {
    return this.state.key;
  }
  get name(): string {
    return this.state.name;
  }

  /** PUT semantics: the given fields replace the current ones. Returns before/after of what changed. */
  replace(fields: EnvironmentFields, now: Date): { before: Partial<EnvironmentFields>; after: Partial<EnvironmentFields> } {
    checkKey(fields.key);
    const next: EnvironmentFields = { key: fields.key, name: fields.name.trim(), description: fields.description?.trim() || null };
    const before: Partial<EnvironmentFields> = {};
    const after: Partial<EnvironmentFields> = {};
    for (const field of ['key', 'name', 'description'] as const) {
      if (next[field] === this.state[field]) continue;
      Object.assign(before, { [field]: this.state[field] });
      Object.assign(after, { [field]: next[field] });
    }
    if (Object.keys(after).length > 0) {
      this.state = { ...this.state, ...next, updatedAt: now };
      this.event('environment.updated', now);
    }
    return { before, after };
  }

  markDeleted(now: Date): void {
    this.event('environment.deleted', now);
  }

  snapshot(): Readonly<EnvironmentState> {
    return { ...this.state };
  }

  private event(type: string, now: Date): void {
    const { id, applicationId, key } = this.state;
    this.record(domainEvent(type, this.state.tenantId, id, { environmentId: id, applicationId, key }, now));
  }
}
