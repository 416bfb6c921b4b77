import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { PermissionKey } from '../../../domain/manifest/feature-manifest.js';
import type { RoleView } from '../../views.js';

/** Renames or describes a role, and replaces its permissions when `permissions` is given. */
export class UpdateRoleCommand extends Command<RoleView> {
  constructor(
    readonly principal: Principal,
    readonly roleId: string,
    readonly fields: { name?: string; description?: string; permissions?: PermissionKey[] },
  ) {
    super();
  }
}
