import { type DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Clock, SystemClock } from '#kernel';
import { BearerAuthGuard } from './auth/bearer-auth.guard.js';
import { BearerAuthenticator } from './auth/bearer-authentication.js';
import { AppConfig } from './config/app-config.js';
import { SecretBox } from './crypto/secret-box.js';
import { SecretHasher } from './crypto/secret-hasher.js';
import { createDataSource, type PersistenceParts } from './database/create-data-source.js';
import { PlatformOutbox1767000000000 } from './database/migrations/1767000000000-platform-outbox.js';
import { ProblemFilter } from './errors/problem.filter.js';
import { HotRoutes } from './http/hot-routes.js';
import { OperationsController } from './http/operations.controller.js';
import { RateLimitGuard } from './http/rate-limit.guard.js';
import { createValidationPipe } from './http/validation.pipe.js';
import { OutboxEventOrmEntity } from './outbox/outbox-event.orm-entity.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { ChangeSignals } from './signals/change-signals.js';
import { UnitOfWork } from './outbox/unit-of-work.js';

export const platformPersistence: PersistenceParts = {
  entities: [OutboxEventOrmEntity],
  migrations: [PlatformOutbox1767000000000],
};

export interface PlatformOptions {
  config: AppConfig;
  persistence: PersistenceParts[];
}

/** Shared infrastructure every context uses: database, unit of work, outbox, errors, auth, operations. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot({ config, persistence }: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [DiscoveryModule],
      controllers: [OperationsController],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useClass: SystemClock },
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createDataSource(config, persistence);
            await dataSource.initialize();
            const applied = await dataSource.runMigrations({ transaction: 'each' });
            if (applied.length > 0) new Logger('Database').log(`applied ${applied.length} migration(s)`);
            return dataSource;
          },
        },
        UnitOfWork,
        OutboxRelay,
        ChangeSignals,
        SecretBox,
        SecretHasher,
        BearerAuthenticator,
        BearerAuthGuard,
        HotRoutes,
        RateLimitGuard,
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [AppConfig, Clock, DataSource, UnitOfWork, OutboxRelay, ChangeSignals, SecretBox, SecretHasher, BearerAuthenticator, BearerAuthGuard, HotRoutes, RateLimitGuard],
    };
  }
}
