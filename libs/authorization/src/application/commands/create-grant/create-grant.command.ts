import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { DirectGrantRecord } from '../../../domain/grant/direct-grant.js';

export class CreateGrantCommand extends Command<DirectGrantRecord> {
  constructor(
    readonly principal: Principal,
    readonly membershipId: string,
    readonly fields: { applicationId: string; featureKey: string; actionKey: string },
  ) {
    super();
  }
}
