import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { InstallationView } from '../../views.js';

/** Installs a vendor's product and edition into a consumer organization, if the marketplace rules allow it. */
export class InstallProductCommand extends Command<InstallationView> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly productId: string,
    readonly editionId: string,
  ) {
    super();
  }
}
