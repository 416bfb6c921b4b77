import { Module, type OnModuleInit } from '@nestjs/common';
import { type PersistenceParts, registerErrorStatuses } from '#platform';
import { authorizationErrorStatuses } from './authorization-errors.js';
import { AuthorizationSchema1767000000400 } from './infrastructure/persistence/migrations/1767000000400-authorization-schema.js';

export const authorizationPersistence: PersistenceParts = {
  entities: [],
  migrations: [AuthorizationSchema1767000000400],
};

/** Feature manifests, RBAC (roles, groups, grants, resource policies) and the runtime check. */
@Module({
  controllers: [],
  providers: [],
})
export class AuthorizationModule implements OnModuleInit {
  onModuleInit(): void {
    registerErrorStatuses(authorizationErrorStatuses);
  }
}
