import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { FeatureLicensing } from '#authorization';
import { MarketplaceLicensing } from '#identity';
import { type PersistenceParts, registerErrorStatuses } from '#platform';
import { MarketplaceController } from './api/marketplace.controller.js';
import { ProductsController } from './api/products.controller.js';
import { RuntimeEntitlementsController } from './api/runtime-entitlements.controller.js';
import { AssignSeatsHandler } from './application/commands/assign-seats/assign-seats.handler.js';
import { ChangeEntitlementStatusHandler } from './application/commands/change-entitlement-status/change-entitlement-status.handler.js';
import { CreateEditionHandler } from './application/commands/create-edition/create-edition.handler.js';
import { CreateEntitlementHandler } from './application/commands/create-entitlement/create-entitlement.handler.js';
import { CreateProductHandler } from './application/commands/create-product/create-product.handler.js';
import { CreateSubscriptionHandler } from './application/commands/create-subscription/create-subscription.handler.js';
import { ExpireEntitlementsHandler } from './application/commands/expire-entitlements/expire-entitlements.handler.js';
import { InstallProductHandler } from './application/commands/install-product/install-product.handler.js';
import { PublishEditionHandler } from './application/commands/publish-edition/publish-edition.handler.js';
import { PublishProductHandler } from './application/commands/publish-product/publish-product.handler.js';
import { ReplaceAllowlistHandler } from './application/commands/replace-allowlist/replace-allowlist.handler.js';
import { UninstallProductHandler } from './application/commands/uninstall-product/uninstall-product.handler.js';
import { IdempotencyStore } from './application/ports/idempotency-store.js';
import { LicenseReader } from './application/ports/license-reader.js';
import { SeatHolders } from './application/ports/seat-holders.js';
import { EvaluateFeatureLicenseHandler } from './application/queries/evaluate-feature-license/evaluate-feature-license.handler.js';
import { FindInstalledOrganizationsHandler } from './application/queries/find-installed-organizations/find-installed-organizations.handler.js';
import { GetCatalogHandler } from './application/queries/get-catalog/get-catalog.handler.js';
import { GetEntitlementSnapshotHandler } from './application/queries/get-entitlement-snapshot/get-entitlement-snapshot.handler.js';
import { GetEntitlementHandler } from './application/queries/get-entitlement/get-entitlement.handler.js';
import { GetInstallationHandler } from './application/queries/get-installation/get-installation.handler.js';
import { GetProductHandler } from './application/queries/get-product/get-product.handler.js';
import { GetSeatsHandler } from './application/queries/get-seats/get-seats.handler.js';
import { GetSubscriptionHandler } from './application/queries/get-subscription/get-subscription.handler.js';
import { ListEntitledEditionsHandler } from './application/queries/list-entitled-editions/list-entitled-editions.handler.js';
import { ListEntitlementsHandler } from './application/queries/list-entitlements/list-entitlements.handler.js';
import { ListInstallationsHandler } from './application/queries/list-installations/list-installations.handler.js';
import { ListSubscriptionsHandler } from './application/queries/list-subscriptions/list-subscriptions.handler.js';
import { ConsumerAccess } from './application/services/consumer-access.js';
import { EntitlementVersions } from './application/services/entitlement-versions.js';
import { Idempotent } from './application/services/idempotent.js';
import { LicensingAccess } from './application/services/licensing-access.js';
import { MarketplaceEligibility } from './application/services/marketplace-eligibility.js';
import { ProductAccess } from './application/services/product-access.js';
import { EntitlementRepository } from './domain/entitlement/entitlement.repository.js';
import { InstallationRepository } from './domain/installation/installation.repository.js';
import { EditionRepository, ProductRepository } from './domain/product/product.repository.js';
import { SubscriptionRepository } from './domain/subscription/subscription.repository.js';
import { LicensingForRuntimeChecks } from './infrastructure/authorization/licensing-for-runtime-checks.js';
import { EntitlementExpirySweeper } from './infrastructure/entitlement-expiry.sweeper.js';
import { LicensingForSignIn } from './infrastructure/identity/licensing-for-sign-in.js';
import { LicensingSchema1767000000500 } from './infrastructure/persistence/migrations/1767000000500-licensing-schema.js';
import { TypeOrmEditionRepository } from './infrastructure/persistence/typeorm-edition.repository.js';
import { TypeOrmEntitlementRepository } from './infrastructure/persistence/typeorm-entitlement.repository.js';
import { TypeOrmIdempotencyStore } from './infrastructure/persistence/typeorm-idempotency.store.js';
import { TypeOrmInstallationRepository } from './infrastructure/persistence/typeorm-installation.repository.js';
import { TypeOrmLicenseReader } from './infrastructure/persistence/typeorm-license.reader.js';
import { CachedLicenseReader } from './infrastructure/runtime/cached-license.reader.js';
import { TypeOrmProductRepository } from './infrastructure/persistence/typeorm-product.repository.js';
import { TypeOrmSeatHolders } from './infrastructure/persistence/typeorm-seat-holders.js';
import { TypeOrmSubscriptionRepository } from './infrastructure/persistence/typeorm-subscription.repository.js';
import { licensingErrorStatuses } from './licensing-errors.js';

export const licensingPersistence: PersistenceParts = {
  entities: [],
  migrations: [LicensingSchema1767000000500],
};

/**
 * Vendor products and editions, the marketplace, installations, subscriptions, entitlements, seats and ent_ver.
 * Global so identity (MarketplaceLicensing) and authorization (FeatureLicensing) get their answers without importing licensing.
 */
@Global()
@Module({
  controllers: [ProductsController, MarketplaceController, RuntimeEntitlementsController],
  providers: [
    { provide: ProductRepository, useClass: TypeOrmProductRepository },
    { provide: EditionRepository, useClass: TypeOrmEditionRepository },
    { provide: InstallationRepository, useClass: TypeOrmInstallationRepository },
    { provide: SubscriptionRepository, useClass: TypeOrmSubscriptionRepository },
    { provide: EntitlementRepository, useClass: TypeOrmEntitlementRepository },
    { provide: IdempotencyStore, useClass: TypeOrmIdempotencyStore },
    TypeOrmLicenseReader,
    { provide: LicenseReader, useClass: CachedLicenseReader },
    { provide: SeatHolders, useClass: TypeOrmSeatHolders },
    LicensingAccess,
    ProductAccess,
    ConsumerAccess,
    MarketplaceEligibility,
    EntitlementVersions,
    Idempotent,
    EntitlementExpirySweeper,
    CreateProductHandler,
    CreateEditionHandler,
    PublishProductHandler,
    PublishEditionHandler,
    ReplaceAllowlistHandler,
    InstallProductHandler,
    UninstallProductHandler,
    CreateSubscriptionHandler,
    CreateEntitlementHandler,
    AssignSeatsHandler,
    ChangeEntitlementStatusHandler,
    ExpireEntitlementsHandler,
    GetProductHandler,
    GetCatalogHandler,
    ListInstallationsHandler,
    GetInstallationHandler,
    ListSubscriptionsHandler,
    GetSubscriptionHandler,
    ListEntitlementsHandler,
    GetEntitlementHandler,
    GetSeatsHandler,
    GetEntitlementSnapshotHandler,
    EvaluateFeatureLicenseHandler,
    ListEntitledEditionsHandler,
    FindInstalledOrganizationsHandler,
    { provide: MarketplaceLicensing, useClass: LicensingForSignIn },
    { provide: FeatureLicensing, useClass: LicensingForRuntimeChecks },
  ],
  exports: [MarketplaceLicensing, FeatureLicensing],
})
export class LicensingModule implements OnModuleInit {
  onModuleInit(): void {
    registerErrorStatuses(licensingErrorStatuses);
  }
}
