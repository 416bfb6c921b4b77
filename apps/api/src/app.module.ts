import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '#audit';
import { AuthorizationModule } from '#authorization';
import { IdentityModule } from '#identity';
import { LicensingModule } from '#licensing';
import { type AppConfig, PlatformModule } from '#platform';
import { TenancyModule } from '#tenancy';
import { allPersistence } from './persistence.js';

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
          persistence: allPersistence,
        }),
        AuditModule,
        TenancyModule,
        IdentityModule,
        AuthorizationModule,
        LicensingModule,
        ...extraModules,
      ],
    };
  }
}
