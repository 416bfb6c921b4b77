import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';

export class DeleteEnvironmentCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly environmentId: string,
  ) {
    super();
  }
}
