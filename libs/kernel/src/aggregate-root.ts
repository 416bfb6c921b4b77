import type { DomainEvent } from './domain-event.js';

/** Collects the events an aggregate records until the unit of work pulls them into the outbox. */
export abstract class AggregateRoot {
  #events: DomainEvent[] = [];

  protected record(event: DomainEvent): void {
    this.#events.push(event);
  }

  pullEvents(): DomainEvent[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }
}
