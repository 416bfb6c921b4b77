import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { OrganizationDetails } from '../../views.js';

export class RenameOrganizationCommand extends Command<OrganizationDetails> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly name: string,
  ) {
    super();
  }
}
