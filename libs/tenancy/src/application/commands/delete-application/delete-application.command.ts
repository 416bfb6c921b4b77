import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';

/** Deletes an application and its environments; `application.deleted` goes out through the outbox for contexts that hang things off it. */
export class DeleteApplicationCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
  ) {
    super();
  }
}
