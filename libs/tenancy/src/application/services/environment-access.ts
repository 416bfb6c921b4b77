import { Injectable } from '@nestjs/common';
import { DomainError, isUuid } from '#kernel';
import type { Principal } from '#platform';
import type { Environment } from '../../domain/environment/environment.js';
import { EnvironmentRepository } from '../../domain/environment/environment.repository.js';
import type { OrganizationPermission } from '../read-models.js';
import { Access, type OrganizationGrant } from './access.js';
import type { Application } from '../../domain/application/application.js';

/** An environment under an application the caller may act on; anything else is not found. */
@Injectable()
export class EnvironmentAccess {
  constructor(
    private readonly access: Access,
    private readonly environments: EnvironmentRepository,
  ) {}

  async resolve(
    principal: Principal,
    applicationId: string,
    environmentId: string,
    permission: OrganizationPermission,
  ): Promise<OrganizationGrant & { application: Application; environment: Environment }> {
    const grant = await this.access.application(principal, applicationId, permission);
    const environment = isUuid(environmentId) ? await this.environments.find(grant.tenantId, grant.application.id, environmentId) : null;
    if (!environment) throw new DomainError('tenancy.environment_not_found', `No environment ${environmentId} in this application.`);
    return { ...grant, environment };
  }
}
