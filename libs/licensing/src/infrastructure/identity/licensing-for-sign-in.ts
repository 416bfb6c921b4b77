import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { MarketplaceLicensing } from '#identity';
import { FindInstalledOrganizationsQuery } from '../../application/queries/find-installed-organizations/find-installed-organizations.query.js';
import { ListEntitledEditionsQuery } from '../../application/queries/list-entitled-editions/list-entitled-editions.query.js';

/** Answers the OAuth server's marketplace questions (identity's MarketplaceLicensing port). */
@Injectable()
export class LicensingForSignIn extends MarketplaceLicensing {
  constructor(private readonly queryBus: QueryBus) {
    super();
  }

  installedOrganizations(applicationId: string, organizationIds: readonly string[]): Promise<string[]> {
    return this.queryBus.execute(new FindInstalledOrganizationsQuery(applicationId, organizationIds));
  }

  entitledEditions(tenantId: string, membershipId: string): Promise<string[]> {
    return this.queryBus.execute(new ListEntitledEditionsQuery(tenantId, membershipId));
  }
}
