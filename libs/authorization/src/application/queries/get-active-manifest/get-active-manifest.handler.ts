import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '#kernel';
import { ActiveManifests } from '../../ports/active-manifests.js';
import type { FeatureManifestView } from '../../read-models.js';
import { GetActiveManifestQuery } from './get-active-manifest.query.js';

@QueryHandler(GetActiveManifestQuery)
export class GetActiveManifestHandler implements IQueryHandler<GetActiveManifestQuery> {
  constructor(private readonly manifests: ActiveManifests) {}

  async execute({ tenantId, applicationId }: GetActiveManifestQuery): Promise<FeatureManifestView | null> {
    if (!isUuid(tenantId) || !isUuid(applicationId)) return null;
    const manifest = await this.manifests.find(tenantId, applicationId);
    return manifest ? { applicationId, version: manifest.version, features: manifest.document.features } : null;
  }
}
