/**
 * Something that happened in a context. `type` is past tense and dotted
 * (`application.created`); `payload` is plain JSON so it can sit in the outbox.
 */
export interface DomainEvent<P extends object = Record<string, unknown>> {
  readonly type: string;
  readonly tenantId: string | null;
  readonly aggregateId: string;
  readonly payload: P;
  readonly occurredAt: Date;
}

export function domainEvent<P extends object>(
  type: string,
  tenantId: string | null,
  aggregateId: string,
  payload: P,
  occurredAt: Date = new Date(),
): DomainEvent<P> {
  return { type, tenantId, aggregateId, payload, occurredAt };
}
