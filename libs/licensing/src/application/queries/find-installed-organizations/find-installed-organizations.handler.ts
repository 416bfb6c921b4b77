import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '#kernel';
import { LicenseReader } from '../../ports/license-reader.js';
import { FindInstalledOrganizationsQuery } from './find-installed-organizations.query.js';

@QueryHandler(FindInstalledOrganizationsQuery)
export class FindInstalledOrganizationsHandler implements IQueryHandler<FindInstalledOrganizationsQuery> {
  constructor(private readonly reader: LicenseReader) {}

  execute({ applicationId, organizationIds }: FindInstalledOrganizationsQuery): Promise<string[]> {
    if (!isUuid(applicationId)) return Promise.resolve([]);
    return this.reader.organizationsWithInstallation(applicationId, organizationIds.filter(isUuid));
  }
}
