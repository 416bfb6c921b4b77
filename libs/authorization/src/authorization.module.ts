import { Module, type OnModuleInit } from '@nestjs/common';
import { type PersistenceParts, registerErrorStatuses } from '#platform';
import { ActiveManifests } from './application/ports/active-manifests.js';
import { GetActiveManifestHandler } from './application/queries/get-active-manifest/get-active-manifest.handler.js';
import { authorizationErrorStatuses } from './authorization-errors.js';
import { TypeOrmActiveManifests } from './infrastructure/persistence/typeorm-active-manifests.js';
import { ManifestPublishController } from './api/manifests/manifest-publish.controller.js';
import { ManifestsController } from './api/manifests/manifests.controller.js';
import { SchemasController } from './api/manifests/schemas.controller.js';
import { ManifestPruner } from './application/commands/publish-manifest/manifest-pruner.js';
import { PublishManifestHandler } from './application/commands/publish-manifest/publish-manifest.handler.js';
import { FailedAttemptThrottle } from './application/ports/failed-attempt-throttle.js';
import { PermissionReferences } from './application/ports/permission-references.js';
import { GetManifestHandler } from './application/queries/get-manifest/get-manifest.handler.js';
import { ListManifestsHandler } from './application/queries/list-manifests/list-manifests.handler.js';
import { PublisherAuthenticator } from './application/services/publisher-authenticator.js';
import { ManifestRepository } from './domain/manifest/manifest.repository.js';
import { ManifestOrmEntity } from './infrastructure/persistence/manifest.orm-entity.js';
import { AuthorizationSchema1767000000400 } from './infrastructure/persistence/migrations/1767000000400-authorization-schema.js';
import { SqlPermissionReferences } from './infrastructure/persistence/sql-permission-references.js';
import { TypeOrmManifestRepository } from './infrastructure/persistence/typeorm-manifest.repository.js';
import { InMemoryFailedAttemptThrottle } from './infrastructure/throttle/in-memory-failed-attempt.throttle.js';

export const authorizationPersistence: PersistenceParts = {
  entities: [ManifestOrmEntity],
  migrations: [AuthorizationSchema1767000000400],
};

/** Feature manifests, RBAC (roles, groups, grants, resource policies) and the runtime check. */
@Module({
  controllers: [ManifestPublishController, ManifestsController, SchemasController],
  providers: [
    { provide: ActiveManifests, useClass: TypeOrmActiveManifests },
    { provide: ManifestRepository, useClass: TypeOrmManifestRepository },
    { provide: PermissionReferences, useClass: SqlPermissionReferences },
    { provide: FailedAttemptThrottle, useClass: InMemoryFailedAttemptThrottle },
    PublisherAuthenticator,
    ManifestPruner,
    PublishManifestHandler,
    ListManifestsHandler,
    GetManifestHandler,
    GetActiveManifestHandler,
  ],
})
export class AuthorizationModule implements OnModuleInit {
  onModuleInit(): void {
    registerErrorStatuses(authorizationErrorStatuses);
  }
}
