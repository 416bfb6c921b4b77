import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ExternalConsumptionPolicy } from '../../read-models.js';
import type { ApplicationDetails } from '../../views.js';

export class CreateApplicationCommand extends Command<ApplicationDetails> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly fields: { key: string; name: string; externalConsumptionPolicy: ExternalConsumptionPolicy },
  ) {
    super();
  }
}
