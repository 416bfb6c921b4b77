import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The licensing context's tables, in schema `licensing`. Vendor side: products
 * (with their consumer allowlist) and editions, owned by the vendor's tenant.
 * Consumer side: installations, subscriptions, entitlements and seats, owned
 * by the consumer's tenant; they name vendor ids but hold no foreign key
 * across tenants. Every row carries tenant_id and every tenant-scoped unique
 * includes it.
 */
export class LicensingSchema1767000000500 implements MigrationInterface {
  name = 'LicensingSchema1767000000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS licensing`);
    await runner.query(`
      CREATE TABLE licensing.products (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        application_id uuid NOT NULL,
        name text NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('public', 'private', 'allowlist')),
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX products_organization ON licensing.products (tenant_id, organization_id)`);
    await runner.query(`CREATE INDEX products_published ON licensing.products (visibility) WHERE status = 'published'`);
    await runner.query(`
      CREATE TABLE licensing.product_allowlist (
        tenant_id uuid NOT NULL,
        product_id uuid NOT NULL REFERENCES licensing.products (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL,
        PRIMARY KEY (product_id, organization_id)
      )`);
    await runner.query(`CREATE INDEX product_allowlist_consumer ON licensing.product_allowlist (organization_id)`);
    await runner.query(`
      CREATE TABLE licensing.editions (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        product_id uuid NOT NULL REFERENCES licensing.products (id) ON DELETE CASCADE,
        code text NOT NULL,
        name text NOT NULL,
        feature_keys text[] NOT NULL,
        activation_requires_approval boolean NOT NULL,
        devices_per_seat integer NOT NULL,
        offline_allowed boolean NOT NULL,
        lease_duration_hours integer NOT NULL,
        max_renewals integer NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE UNIQUE INDEX editions_code ON licensing.editions (tenant_id, product_id, code)`);

    await runner.query(`
      CREATE TABLE licensing.installations (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        product_id uuid NOT NULL,
        edition_id uuid NOT NULL,
        application_id uuid NOT NULL,
        vendor_tenant_id uuid NOT NULL,
        vendor_organization_id uuid NOT NULL,
        installed_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE UNIQUE INDEX installations_product ON licensing.installations (tenant_id, organization_id, product_id)`);
    await runner.query(`CREATE INDEX installations_application ON licensing.installations (application_id, organization_id)`);
    await runner.query(`
      CREATE TABLE licensing.subscriptions (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        installation_id uuid NOT NULL REFERENCES licensing.installations (id) ON DELETE CASCADE,
        product_id uuid NOT NULL,
        edition_id uuid NOT NULL,
        seats integer NOT NULL CHECK (seats > 0),
        status text NOT NULL CHECK (status IN ('active', 'canceled')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX subscriptions_organization ON licensing.subscriptions (tenant_id, organization_id)`);
    await runner.query(`
      CREATE TABLE licensing.entitlements (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        subscription_id uuid NOT NULL REFERENCES licensing.subscriptions (id) ON DELETE CASCADE,
        product_id uuid NOT NULL,
        edition_id uuid NOT NULL,
        seat_count integer NOT NULL CHECK (seat_count > 0),
        valid_from timestamptz NOT NULL,
        valid_until timestamptz,
        status text NOT NULL CHECK (status IN ('active', 'suspended', 'expired')),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX entitlements_subscription ON licensing.entitlements (tenant_id, subscription_id)`);
    await runner.query(`CREATE INDEX entitlements_expiring ON licensing.entitlements (valid_until) WHERE status = 'active' AND valid_until IS NOT NULL`);
    await runner.query(`
      CREATE TABLE licensing.seats (
        tenant_id uuid NOT NULL,
        entitlement_id uuid NOT NULL REFERENCES licensing.entitlements (id) ON DELETE CASCADE,
        membership_id uuid NOT NULL,
        assigned_at timestamptz NOT NULL,
        PRIMARY KEY (entitlement_id, membership_id)
      )`);
    await runner.query(`CREATE INDEX seats_membership ON licensing.seats (tenant_id, membership_id)`);

    await runner.query(`
      CREATE TABLE licensing.idempotency_keys (
        tenant_id uuid NOT NULL,
        operation text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, operation, key)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP SCHEMA IF EXISTS licensing CASCADE`);
  }
}
