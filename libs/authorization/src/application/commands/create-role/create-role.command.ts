import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { PermissionKey } from '../../../domain/manifest/feature-manifest.js';
import type { RoleView } from '../../views.js';

export class CreateRoleCommand extends Command<RoleView> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly fields: { key: string; name: string; description?: string; permissions: PermissionKey[] },
  ) {
    super();
  }
}
