import { Module, type OnModuleInit } from '@nestjs/common';
import { type PersistenceParts, registerErrorStatuses } from '#platform';
import { ActiveManifests } from './application/ports/active-manifests.js';
import { GetActiveManifestHandler } from './application/queries/get-active-manifest/get-active-manifest.handler.js';
import { authorizationErrorStatuses } from './authorization-errors.js';
import { TypeOrmActiveManifests } from './infrastructure/persistence/typeorm-active-manifests.js';
import { AuthorizationSchema1767000000400 } from './infrastructure/persistence/migrations/1767000000400-authorization-schema.js';

export const authorizationPersistence: PersistenceParts = {
  entities: [],
  migrations: [AuthorizationSchema1767000000400],
};

/** Feature manifests, RBAC (roles, groups, grants, resource policies) and the runtime check. */
@Module({
  controllers: [],
  providers: [{ provide: ActiveManifests, useClass: TypeOrmActiveManifests }, GetActiveManifestHandler],
})
export class AuthorizationModule implements OnModuleInit {
  onModuleInit(): void {
    registerErrorStatuses(authorizationErrorStatuses);
  }
}
