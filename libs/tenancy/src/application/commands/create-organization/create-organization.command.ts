import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { CreatedOrganization } from '../../views.js';

/** A new organization in the caller's tenant, with the caller as its owner. */
export class CreateOrganizationCommand extends Command<CreatedOrganization> {
  constructor(
    readonly principal: Principal,
    readonly name: string,
  ) {
    super();
  }
}
