import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { EnvironmentFields } from '../../../domain/environment/environment.js';
import type { EnvironmentDetails } from '../../views.js';

export class CreateEnvironmentCommand extends Command<EnvironmentDetails> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly fields: EnvironmentFields,
  ) {
    super();
  }
}
