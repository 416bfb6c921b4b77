import { Module, type OnModuleInit } from '@nestjs/common';
import { type PersistenceParts, registerErrorStatuses } from '#platform';
import { ActiveManifests } from './application/ports/active-manifests.js';
import { GetActiveManifestHandler } from './application/queries/get-active-manifest/get-active-manifest.handler.js';
import { authorizationErrorStatuses } from './authorization-errors.js';
import { ManifestPublishController } from './api/manifests/manifest-publish.controller.js';
import { ManifestsController } from './api/manifests/manifests.controller.js';
import { SchemasController } from './api/manifests/schemas.controller.js';
import { PublishManifestHandler } from './application/commands/publish-manifest/publish-manifest.handler.js';
import { FailedAttemptThrottle } from './application/ports/failed-attempt-throttle.js';
import { PermissionReferences } from './application/ports/permission-references.js';
import { GetManifestHandler } from './application/queries/get-manifest/get-manifest.handler.js';
import { ListManifestsHandler } from './application/queries/list-manifests/list-manifests.handler.js';
import { PublisherAuthenticator } from './application/services/publisher-authenticator.js';
import { ManifestRepository } from './domain/manifest/manifest.repository.js';
import { ManifestOrmEntity } from './infrastructure/persistence/manifest.orm-entity.js';
import { AuthorizationSchema1767000000400 } from './infrastructure/persistence/migrations/1767000000400-authorization-schema.js';
import { PublisherThrottle1767000000600 } from './infrastructure/persistence/migrations/1767000000600-publisher-throttle.js';
import { SqlPermissionReferences } from './infrastructure/persistence/sql-permission-references.js';
import { TypeOrmManifestRepository } from './infrastructure/persistence/typeorm-manifest.repository.js';
import { TypeOrmFailedAttemptThrottle } from './infrastructure/persistence/typeorm-failed-attempt.throttle.js';
import { GroupsController } from './api/groups/groups.controller.js';
import { GrantsController } from './api/grants/grants.controller.js';
import { ResourcePoliciesController } from './api/resource-policies/resource-policies.controller.js';
import { RoleAssignmentsController } from './api/roles/role-assignments.controller.js';
import { RolesController } from './api/roles/roles.controller.js';
import { RuntimeAuthorizationController } from './api/runtime/runtime-authorization.controller.js';
import { AddGroupMemberHandler } from './application/commands/add-group-member/add-group-member.handler.js';
import { AssignRoleHandler } from './application/commands/assign-role/assign-role.handler.js';
import { CreateGrantHandler } from './application/commands/create-grant/create-grant.handler.js';
import { CreateGroupHandler } from './application/commands/create-group/create-group.handler.js';
import { CreateResourcePolicyHandler } from './application/commands/create-resource-policy/create-resource-policy.handler.js';
import { CreateRoleHandler } from './application/commands/create-role/create-role.handler.js';
import { DeleteGrantHandler } from './application/commands/delete-grant/delete-grant.handler.js';
import { DeleteGroupHandler } from './application/commands/delete-group/delete-group.handler.js';
import { DeleteResourcePolicyHandler } from './application/commands/delete-resource-policy/delete-resource-policy.handler.js';
import { DeleteRoleHandler } from './application/commands/delete-role/delete-role.handler.js';
import { RemoveGroupMemberHandler } from './application/commands/remove-group-member/remove-group-member.handler.js';
import { UnassignRoleHandler } from './application/commands/unassign-role/unassign-role.handler.js';
import { UpdateGroupHandler } from './application/commands/update-group/update-group.handler.js';
import { UpdateRoleHandler } from './application/commands/update-role/update-role.handler.js';
import { RemoveAuthorizationOfDeletedApplication } from './application/event-handlers/remove-authorization-of-deleted-application.handler.js';
import { AccessModels } from './application/ports/access-models.js';
import { EffectiveAccessSource, MembershipStates } from './application/ports/runtime-state.js';
import { CheckScopedHandler } from './application/queries/check-scoped/check-scoped.handler.js';
import { CheckAuthorizationHandler } from './application/queries/check-authorization/check-authorization.handler.js';
import { ExplainAuthorizationHandler } from './application/queries/explain-authorization/explain-authorization.handler.js';
import { GetAuthorizationSnapshotHandler } from './application/queries/get-authorization-snapshot/get-authorization-snapshot.handler.js';
import { GetGroupHandler } from './application/queries/get-group/get-group.handler.js';
import { GetResourcePolicyHandler } from './application/queries/get-resource-policy/get-resource-policy.handler.js';
import { GetRoleHandler } from './application/queries/get-role/get-role.handler.js';
import { ListGrantsHandler } from './application/queries/list-grants/list-grants.handler.js';
import { ListGroupMembersHandler } from './application/queries/list-group-members/list-group-members.handler.js';
import { ListGroupsHandler } from './application/queries/list-groups/list-groups.handler.js';
import { ListResourcePoliciesHandler } from './application/queries/list-resource-policies/list-resource-policies.handler.js';
import { ListRoleAssignmentsHandler } from './application/queries/list-role-assignments/list-role-assignments.handler.js';
import { ListRolesHandler } from './application/queries/list-roles/list-roles.handler.js';
import { AdminAccess } from './application/services/admin-access.js';
import { OwnedResources } from './application/services/owned-resources.js';
import { AssignmentSubjects } from './application/services/assignment-subjects.js';
import { PermVersions } from './application/services/perm-versions.js';
import { PermissionCatalog } from './application/services/permission-catalog.js';
import { PolicySubjects } from './application/services/policy-subjects.js';
import { RuntimeEvaluator } from './application/services/runtime-evaluator.js';
import { RuntimeSubjects } from './application/services/runtime-subjects.js';
import { GrantRepository } from './domain/grant/grant.repository.js';
import { GroupRepository } from './domain/group/group.repository.js';
import { ResourcePolicyRepository } from './domain/policy/resource-policy.repository.js';
import { RoleAssignmentRepository } from './domain/role/role-assignment.repository.js';
import { RoleRepository } from './domain/role/role.repository.js';
import { TypeOrmGrantRepository } from './infrastructure/persistence/typeorm-grant.repository.js';
import { TypeOrmGroupRepository } from './infrastructure/persistence/typeorm-group.repository.js';
import { TypeOrmResourcePolicyRepository } from './infrastructure/persistence/typeorm-resource-policy.repository.js';
import { TypeOrmRoleAssignmentRepository } from './infrastructure/persistence/typeorm-role-assignment.repository.js';
import { TypeOrmRoleRepository } from './infrastructure/persistence/typeorm-role.repository.js';
import { CachedActiveManifests } from './infrastructure/runtime/cached-active-manifests.js';
import { CachedEffectiveAccess } from './infrastructure/runtime/cached-effective-access.js';
import { TenancyMembershipStates } from './infrastructure/runtime/tenancy-membership-states.js';
import { TypeOrmAccessModels } from './infrastructure/runtime/typeorm-access-models.js';

export const authorizationPersistence: PersistenceParts = {
  entities: [ManifestOrmEntity],
  migrations: [AuthorizationSchema1767000000400, PublisherThrottle1767000000600],
};

/** Feature manifests, RBAC (roles, groups, grants, resource policies) and the runtime check. */
@Module({
  controllers: [ManifestPublishController, ManifestsController, SchemasController, RolesController, RoleAssignmentsController, GroupsController, GrantsController, ResourcePoliciesController, RuntimeAuthorizationController],
  providers: [
    { provide: ManifestRepository, useClass: TypeOrmManifestRepository },
    { provide: PermissionReferences, useClass: SqlPermissionReferences },
    { provide: FailedAttemptThrottle, useClass: TypeOrmFailedAttemptThrottle },
    PublisherAuthenticator,
    PublishManifestHandler,
    ListManifestsHandler,
    GetManifestHandler,
    GetActiveManifestHandler,
    { provide: RoleRepository, useClass: TypeOrmRoleRepository },
    { provide: RoleAssignmentRepository, useClass: TypeOrmRoleAssignmentRepository },
    { provide: GroupRepository, useClass: TypeOrmGroupRepository },
    { provide: GrantRepository, useClass: TypeOrmGrantRepository },
    { provide: ResourcePolicyRepository, useClass: TypeOrmResourcePolicyRepository },
    { provide: ActiveManifests, useClass: CachedActiveManifests },
    { provide: AccessModels, useClass: TypeOrmAccessModels },
    { provide: MembershipStates, useClass: TenancyMembershipStates },
    { provide: EffectiveAccessSource, useClass: CachedEffectiveAccess },
    AdminAccess,
    OwnedResources,
    AssignmentSubjects,
    PermissionCatalog,
    PermVersions,
    PolicySubjects,
    RuntimeSubjects,
    RuntimeEvaluator,
    CreateRoleHandler,
    UpdateRoleHandler,
    DeleteRoleHandler,
    AssignRoleHandler,
    UnassignRoleHandler,
    CreateGroupHandler,
    UpdateGroupHandler,
    DeleteGroupHandler,
    AddGroupMemberHandler,
    RemoveGroupMemberHandler,
    CreateGrantHandler,
    DeleteGrantHandler,
    CreateResourcePolicyHandler,
    DeleteResourcePolicyHandler,
    ListRolesHandler,
    GetRoleHandler,
    ListRoleAssignmentsHandler,
    ListGroupsHandler,
    GetGroupHandler,
    ListGroupMembersHandler,
    ListGrantsHandler,
    ListResourcePoliciesHandler,
    GetResourcePolicyHandler,
    CheckAuthorizationHandler,
    CheckScopedHandler,
    ExplainAuthorizationHandler,
    GetAuthorizationSnapshotHandler,
    RemoveAuthorizationOfDeletedApplication,
  ],
})
export class AuthorizationModule implements OnModuleInit {
  onModuleInit(): void {
    registerErrorStatuses(authorizationErrorStatuses);
  }
}
