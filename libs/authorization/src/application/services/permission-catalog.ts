import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError } from '#kernel';
import { GetApplicationConsumptionQuery } from '#tenancy';
import { type PermissionKey, permissionId } from '../../domain/manifest/feature-manifest.js';
import { ActiveManifests } from '../ports/active-manifests.js';

/**
 * Permissions written to roles, grants and policies must be declared by the
 * application's active manifest, which its owner publishes (for a consumer
 * organization defining roles over an installed product, the vendor).
 */
@Injectable()
export class PermissionCatalog {
  constructor(
    private readonly manifests: ActiveManifests,
    private readonly queryBus: QueryBus,
  ) {}

  async ensureDeclared(applicationId: string, permissions: readonly PermissionKey[]): Promise<void> {
    const [owner] = await this.queryBus.execute(new GetApplicationConsumptionQuery([applicationId]));
    const manifest = owner ? await this.manifests.find(owner.tenantId, applicationId) : null;
    if (!manifest) {
      throw new DomainError('authorization.no_active_manifest', `The application ${applicationId} has no active feature manifest yet; publish one before defining permissions.`, {
        applicationId,
      });
    }
    const unknown = manifest.unknown(permissions);
    if (unknown.length > 0) {
      throw new DomainError(
        'authorization.unknown_permission',
        `The active manifest (version ${manifest.version}) does not declare ${unknown.map(permissionId).join(', ')}.`,
        { permissions: unknown, manifestVersion: manifest.version },
      );
    }
  }
}
