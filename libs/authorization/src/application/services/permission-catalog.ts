import { Injectable } from '@nestjs/common';
import { DomainError } from '#kernel';
import { type PermissionKey, permissionId } from '../../domain/manifest/feature-manifest.js';
import { ActiveManifests } from '../ports/active-manifests.js';

/** Permissions written to roles, grants and policies must be declared by the application's active manifest. */
@Injectable()
export class PermissionCatalog {
  constructor(private readonly manifests: ActiveManifests) {}

  async ensureDeclared(tenantId: string, applicationId: string, permissions: readonly PermissionKey[]): Promise<void> {
    const manifest = await this.manifests.find(tenantId, applicationId);
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
