import { type IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { AuthorizeApplicationQuery } from '#tenancy';
import { ManifestRepository } from '../../../domain/manifest/manifest.repository.js';
import type { Page } from '../../../domain/keys.js';
import { type ManifestVersionSummary, toSummary } from '../../views.js';
import { ListManifestsQuery } from './list-manifests.query.js';

@QueryHandler(ListManifestsQuery)
export class ListManifestsHandler implements IQueryHandler<ListManifestsQuery> {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly manifests: ManifestRepository,
  ) {}

  async execute({ principal, applicationId, page }: ListManifestsQuery): Promise<Page<ManifestVersionSummary>> {
    const application = await this.queryBus.execute(new AuthorizeApplicationQuery(principal, applicationId, 'authorization.read'));
    const rows = await this.manifests.list(application.tenantId, application.id, { limit: page.limit + 1, before: page.before });
    const items = rows.slice(0, page.limit).map(toSummary);
    return { items, nextCursor: rows.length > page.limit ? String(items[items.length - 1].version) : null };
  }
}
