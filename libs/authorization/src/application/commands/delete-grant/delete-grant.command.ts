import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';

export class DeleteGrantCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly grantId: string,
  ) {
    super();
  }
}
