import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { EnvironmentFields } from '../../../domain/environment/environment.js';
import type { EnvironmentDetails } from '../../views.js';

/** PUT: the given fields replace the environment's. */
export class ReplaceEnvironmentCommand extends Command<EnvironmentDetails> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly environmentId: string,
    readonly fields: EnvironmentFields,
  ) {
    super();
  }
}
