import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ApplicationChanges } from '../../../domain/application/application.js';
import type { ApplicationDetails } from '../../views.js';

export class UpdateApplicationCommand extends Command<ApplicationDetails> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly changes: ApplicationChanges,
  ) {
    super();
  }
}
