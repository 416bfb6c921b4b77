import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { FeatureLicensing, type LicenseQuestion, type LicenseVerdict } from '#authorization';
import { FindInstalledOrganizationsQuery } from '../../application/queries/find-installed-organizations/find-installed-organizations.query.js';
import { EvaluateFeatureLicenseQuery } from '../../application/queries/evaluate-feature-license/evaluate-feature-license.query.js';

/** Answers the runtime check's licensing questions (authorization's FeatureLicensing port), live. */
@Injectable()
export class LicensingForRuntimeChecks extends FeatureLicensing {
  constructor(private readonly queryBus: QueryBus) {
    super();
  }

  async hasInstalled(organizationId: string, applicationId: string): Promise<boolean> {
    return (await this.queryBus.execute(new FindInstalledOrganizationsQuery(applicationId, [organizationId]))).length > 0;
  }

  evaluate(question: LicenseQuestion): Promise<LicenseVerdict> {
    return this.queryBus.execute(new EvaluateFeatureLicenseQuery(question));
  }
}
