import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '#kernel';
import { ApplicationRepository } from '../../../domain/application/application.repository.js';
import { APPLICATION_KEY_PATTERN } from '../../../domain/application/application-key.js';
import { quotasOf } from '../../../domain/plan/plan.js';
import { TenantRepository } from '../../../domain/tenant/tenant.repository.js';
import type { ApplicationView } from '../../read-models.js';
import { toApplicationView } from '../../views.js';
import { FindApplicationByKeyQuery } from './find-application-by-key.query.js';

@QueryHandler(FindApplicationByKeyQuery)
export class FindApplicationByKeyHandler implements IQueryHandler<FindApplicationByKeyQuery> {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly tenants: TenantRepository,
  ) {}

  async execute({ tenantId, key }: FindApplicationByKeyQuery): Promise<ApplicationView | null> {
    if (!isUuid(tenantId) || !APPLICATION_KEY_PATTERN.test(key)) return null;
    const application = await this.applications.findByKey(tenantId, key);
    if (!application) return null;
    const tenant = await this.tenants.findById(tenantId);
    return tenant ? toApplicationView(application, quotasOf(tenant.plan)) : null;
  }
}
