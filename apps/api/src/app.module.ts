import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule, auditPersistence } from '#audit';
import { IdentityModule, identityPersistence } from '#identity';
import { type AppConfig, PlatformModule, platformPersistence } from '#platform';
import { TenancyModule, tenancyPersistence } from '#tenancy';

/** The composition root: platform infrastructure plus every bounded context. */
@Module({})
export class AppModule {
  static register(config: AppConfig, extraModules: Array<Type | DynamicModule> = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        PlatformModule.forRoot({
          config,
          persistence: [platformPersistence, auditPersistence, tenancyPersistence, identityPersistence],
        }),
        AuditModule,
        TenancyModule,
        IdentityModule,
        ...extraModules,
      ],
    };
  }
}
