import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { BumpMembershipVersionsCommand } from '#tenancy';
import type { PermissionReference } from '../../../domain/manifest/permission-reference.js';
import { PermissionReferences } from '../../ports/permission-references.js';

/**
 * Deletes references to removed permissions and bumps perm_ver of everyone who
 * held them (directly, through a group, or by organization-wide policy), in
 * the caller's transaction, so tokens and caches learn of it with the publish.
 */
@Injectable()
export class ManifestPruner {
  constructor(
    private readonly references: PermissionReferences,
    private readonly commandBus: CommandBus,
  ) {}

  async prune(tenantId: string, applicationId: string, references: readonly PermissionReference[]): Promise<void> {
    if (references.length === 0) return;
    const holders = await this.references.prune(tenantId, applicationId, references);
    await this.commandBus.execute(new BumpMembershipVersionsCommand(tenantId, 'perm_ver', { membershipIds: holders.membershipIds }));
    for (const organizationId of holders.organizationIds) {
      await this.commandBus.execute(new BumpMembershipVersionsCommand(tenantId, 'perm_ver', { organizationId }));
    }
  }
}
