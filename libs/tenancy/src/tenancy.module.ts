import { Module, type OnModuleInit } from '@nestjs/common';
import { type PersistenceParts, registerErrorStatuses } from '#platform';
import { ApplicationsController } from './api/applications/applications.controller.js';
import { EnvironmentsController } from './api/environments/environments.controller.js';
import { InvitationsController } from './api/memberships/invitations.controller.js';
import { MeController } from './api/me/me.controller.js';
import { MembershipsController } from './api/memberships/memberships.controller.js';
import { OrganizationsController } from './api/organizations/organizations.controller.js';
import { PlansController } from './api/plans/plans.controller.js';
import { TenantsController } from './api/tenants/tenants.controller.js';
import { BumpMembershipVersionsHandler } from './application/commands/bump-membership-versions/bump-membership-versions.handler.js';
import { AcceptInvitationHandler } from './application/commands/accept-invitation/accept-invitation.handler.js';
import { ChangeMembershipRoleHandler } from './application/commands/change-membership-role/change-membership-role.handler.js';
import { ChangeMembershipStatusHandler } from './application/commands/change-membership-status/change-membership-status.handler.js';
import { CreateApplicationHandler } from './application/commands/create-application/create-application.handler.js';
import { CreateOrganizationHandler } from './application/commands/create-organization/create-organization.handler.js';
import { CreateEnvironmentHandler } from './application/commands/create-environment/create-environment.handler.js';
import { DeleteApplicationHandler } from './application/commands/delete-application/delete-application.handler.js';
import { DeleteEnvironmentHandler } from './application/commands/delete-environment/delete-environment.handler.js';
import { InviteMemberHandler } from './application/commands/invite-member/invite-member.handler.js';
import { RegisterTenantHandler } from './application/commands/register-tenant/register-tenant.handler.js';
import { RenameOrganizationHandler } from './application/commands/rename-organization/rename-organization.handler.js';
import { ReplaceEnvironmentHandler } from './application/commands/replace-environment/replace-environment.handler.js';
import { UpdateApplicationHandler } from './application/commands/update-application/update-application.handler.js';
import { MembershipViews } from './application/ports/membership-views.js';
import { AuthorizeApplicationHandler } from './application/queries/authorize-application/authorize-application.handler.js';
import { AuthorizeOrganizationHandler } from './application/queries/authorize-organization/authorize-organization.handler.js';
import { FindApplicationByKeyHandler } from './application/queries/find-application-by-key/find-application-by-key.handler.js';
import { GetApplicationConsumptionHandler } from './application/queries/get-application-consumption/get-application-consumption.handler.js';
import { GetApplicationHandler } from './application/queries/get-application/get-application.handler.js';
import { GetCallerHandler } from './application/queries/get-caller/get-caller.handler.js';
import { GetEnvironmentHandler } from './application/queries/get-environment/get-environment.handler.js';
import { GetMembershipHandler } from './application/queries/get-membership/get-membership.handler.js';
import { GetMembershipsHandler } from './application/queries/get-memberships/get-memberships.handler.js';
import { GetOrganizationHandler } from './application/queries/get-organization/get-organization.handler.js';
import { ListApplicationsHandler } from './application/queries/list-applications/list-applications.handler.js';
import { ListEnvironmentsHandler } from './application/queries/list-environments/list-environments.handler.js';
import { ListMembershipsHandler } from './application/queries/list-memberships/list-memberships.handler.js';
import { ListPlansHandler } from './application/queries/list-plans/list-plans.handler.js';
import { ListSignInMembershipsHandler } from './application/queries/list-sign-in-memberships/list-sign-in-memberships.handler.js';
import { Access } from './application/services/access.js';
import { EnvironmentAccess } from './application/services/environment-access.js';
import { OrganizationDetailsReader } from './application/services/organization-details.js';
import { ApplicationRepository } from './domain/application/application.repository.js';
import { EnvironmentRepository } from './domain/environment/environment.repository.js';
import { InvitationRepository } from './domain/membership/invitation.repository.js';
import { MembershipRepository } from './domain/membership/membership.repository.js';
import { OrganizationRepository } from './domain/organization/organization.repository.js';
import { TenantRepository } from './domain/tenant/tenant.repository.js';
import { ApplicationOrmEntity } from './infrastructure/persistence/application.orm-entity.js';
import { EnvironmentOrmEntity } from './infrastructure/persistence/environment.orm-entity.js';
import { InvitationOrmEntity } from './infrastructure/persistence/invitation.orm-entity.js';
import { MembershipOrmEntity } from './infrastructure/persistence/membership.orm-entity.js';
import { TenancySchema1767000000100 } from './infrastructure/persistence/migrations/1767000000100-tenancy-schema.js';
import { OrganizationNames1767000000700 } from './infrastructure/persistence/migrations/1767000000700-organization-names.js';
import { OrganizationOrmEntity } from './infrastructure/persistence/organization.orm-entity.js';
import { TenantOrmEntity } from './infrastructure/persistence/tenant.orm-entity.js';
import { TypeOrmApplicationRepository } from './infrastructure/persistence/typeorm-application.repository.js';
import { TypeOrmEnvironmentRepository } from './infrastructure/persistence/typeorm-environment.repository.js';
import { TypeOrmInvitationRepository } from './infrastructure/persistence/typeorm-invitation.repository.js';
import { TypeOrmMembershipRepository } from './infrastructure/persistence/typeorm-membership.repository.js';
import { TypeOrmMembershipViews } from './infrastructure/persistence/typeorm-membership.views.js';
import { CachedMembershipViews } from './infrastructure/persistence/cached-membership.views.js';
import { TypeOrmOrganizationRepository } from './infrastructure/persistence/typeorm-organization.repository.js';
import { TypeOrmTenantRepository } from './infrastructure/persistence/typeorm-tenant.repository.js';
import { tenancyErrorStatuses } from './tenancy-errors.js';

export const tenancyPersistence: PersistenceParts = {
  entities: [TenantOrmEntity, OrganizationOrmEntity, MembershipOrmEntity, InvitationOrmEntity, ApplicationOrmEntity, EnvironmentOrmEntity],
  migrations: [TenancySchema1767000000100, OrganizationNames1767000000700],
};

@Module({
  controllers: [
    PlansController,
    TenantsController,
    OrganizationsController,
    InvitationsController,
    MembershipsController,
    ApplicationsController,
    EnvironmentsController,
    MeController,
  ],
  providers: [
    { provide: TenantRepository, useClass: TypeOrmTenantRepository },
    { provide: OrganizationRepository, useClass: TypeOrmOrganizationRepository },
    { provide: MembershipRepository, useClass: TypeOrmMembershipRepository },
    { provide: InvitationRepository, useClass: TypeOrmInvitationRepository },
    { provide: ApplicationRepository, useClass: TypeOrmApplicationRepository },
    { provide: EnvironmentRepository, useClass: TypeOrmEnvironmentRepository },
    TypeOrmMembershipViews,
    { provide: MembershipViews, useClass: CachedMembershipViews },
    Access,
    EnvironmentAccess,
    OrganizationDetailsReader,
    RegisterTenantHandler,
    CreateOrganizationHandler,
    RenameOrganizationHandler,
    InviteMemberHandler,
    AcceptInvitationHandler,
    ChangeMembershipStatusHandler,
    ChangeMembershipRoleHandler,
    BumpMembershipVersionsHandler,
    CreateApplicationHandler,
    UpdateApplicationHandler,
    DeleteApplicationHandler,
    CreateEnvironmentHandler,
    ReplaceEnvironmentHandler,
    DeleteEnvironmentHandler,
    ListPlansHandler,
    GetOrganizationHandler,
    ListMembershipsHandler,
    ListApplicationsHandler,
    GetApplicationHandler,
    GetApplicationConsumptionHandler,
    ListEnvironmentsHandler,
    GetEnvironmentHandler,
    GetMembershipHandler,
    GetCallerHandler,
    GetMembershipsHandler,
    ListSignInMembershipsHandler,
    AuthorizeOrganizationHandler,
    AuthorizeApplicationHandler,
    FindApplicationByKeyHandler,
  ],
})
export class TenancyModule implements OnModuleInit {
  onModuleInit(): void {
    registerErrorStatuses(tenancyErrorStatuses);
  }
}
