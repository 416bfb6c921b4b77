import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '#platform';
import { ActiveManifests } from '../../application/ports/active-manifests.js';
import { type FeatureManifestDocument, FeatureManifest } from '../../domain/manifest/feature-manifest.js';

/** The active manifest row of an application, read on every call. */
@Injectable()
export class TypeOrmActiveManifests extends ActiveManifests {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async find(tenantId: string, applicationId: string): Promise<FeatureManifest | null> {
    const [row]: Array<{ version: number; content: FeatureManifestDocument }> = await this.uow.manager.query(
      `SELECT version, content FROM authz.manifests WHERE tenant_id = $1 AND application_id = $2 AND is_active`,
      [tenantId, applicationId],
    );
    return row ? new FeatureManifest(applicationId, Number(row.version), row.content) : null;
  }
}
