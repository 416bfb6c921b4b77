import { SetMetadata } from '@nestjs/common';
import type { DomainEvent } from '#kernel';

export const DOMAIN_EVENT_TYPES = 'nexinid:domain-event-types';

/**
 * Marks a provider as a handler of committed domain events. The outbox relay
 * calls `handle` after the transaction that recorded the event has committed,
 * at least once: handlers must be idempotent.
 */
export const HandlesDomainEvents = (...types: string[]) => SetMetadata(DOMAIN_EVENT_TYPES, types);

export interface DomainEventHandler {
  handle(event: DomainEvent): Promise<void>;
}
