import { type IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '#kernel';
import { AuthorizeApplicationQuery } from '#tenancy';
import { ManifestRepository } from '../../../domain/manifest/manifest.repository.js';
import { type ManifestVersionDetails, toDetails } from '../../views.js';
import { GetManifestQuery } from './get-manifest.query.js';

@QueryHandler(GetManifestQuery)
export class GetManifestHandler implements IQueryHandler<GetManifestQuery> {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly manifests: ManifestRepository,
  ) {}

  async execute({ principal, applicationId, version }: GetManifestQuery): Promise<ManifestVersionDetails> {
    const { tenantId, id } = await this.queryBus.execute(new AuthorizeApplicationQuery(principal, applicationId, 'authorization.read'));
    const manifest = version === 'active' ? await this.manifests.findActive(tenantId, id) : await this.manifests.findVersion(tenantId, id, version);
    if (!manifest) {
      throw new DomainError('authorization.manifest_not_found', version === 'active' ? `Application ${applicationId} has no manifest yet.` : `Application ${applicationId} has no manifest version ${version}.`);
    }
    return toDetails(manifest);
  }
}
