import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';

export class DeleteClientCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly clientId: string,
  ) {
    super();
  }
}
