import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenancy's tables. Every row carries tenant_id (a tenant's own id on
 * `tenants`), and every unique that is scoped to a tenant includes it, so the
 * schema can be distributed by tenant_id.
 */
export class TenancySchema1767000000100 implements MigrationInterface {
  name = 'TenancySchema1767000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS tenancy`);
    await runner.query(`
      CREATE TABLE tenancy.tenants (
        id uuid PRIMARY KEY,
        slug text NOT NULL,
        display_name text NOT NULL,
        plan text NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE UNIQUE INDEX tenants_slug ON tenancy.tenants (slug)`);
    await runner.query(`
      CREATE TABLE tenancy.organizations (
        tenant_id uuid NOT NULL REFERENCES tenancy.tenants (id),
        id uuid NOT NULL,
        name text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX organizations_id ON tenancy.organizations (id)`);
    await runner.query(`
      CREATE TABLE tenancy.memberships (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        organization_id uuid NOT NULL,
        user_id uuid,
        invited_email text,
        role text NOT NULL,
        status text NOT NULL,
        perm_ver integer NOT NULL DEFAULT 1,
        ent_ver integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, organization_id) REFERENCES tenancy.organizations (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX memberships_id ON tenancy.memberships (id)`);
    await runner.query(
      `CREATE UNIQUE INDEX memberships_current_user ON tenancy.memberships (tenant_id, organization_id, user_id) WHERE status <> 'removed' AND user_id IS NOT NULL`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX memberships_pending_email ON tenancy.memberships (tenant_id, organization_id, invited_email) WHERE status = 'invited'`,
    );
    await runner.query(`CREATE INDEX memberships_organization ON tenancy.memberships (tenant_id, organization_id, status, id)`);
    await runner.query(`CREATE INDEX memberships_user ON tenancy.memberships (user_id) WHERE user_id IS NOT NULL`);
    await runner.query(`
      CREATE TABLE tenancy.invitations (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        organization_id uuid NOT NULL,
        membership_id uuid NOT NULL,
        email text NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, membership_id) REFERENCES tenancy.memberships (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX invitations_token_hash ON tenancy.invitations (token_hash)`);
    await runner.query(`
      CREATE TABLE tenancy.applications (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        organization_id uuid NOT NULL,
        key text NOT NULL,
        name text NOT NULL,
        status text NOT NULL,
        external_consumption_policy text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, organization_id) REFERENCES tenancy.organizations (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX applications_id ON tenancy.applications (id)`);
    await runner.query(`CREATE UNIQUE INDEX applications_key ON tenancy.applications (tenant_id, key)`);
    await runner.query(`CREATE INDEX applications_organization ON tenancy.applications (tenant_id, organization_id, id)`);
    await runner.query(`
      CREATE TABLE tenancy.environments (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        application_id uuid NOT NULL,
        key text NOT NULL,
        name text NOT NULL,
        description text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, application_id) REFERENCES tenancy.applications (tenant_id, id) ON DELETE CASCADE
      )`);
    await runner.query(`CREATE UNIQUE INDEX environments_key ON tenancy.environments (tenant_id, application_id, key)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP SCHEMA IF EXISTS tenancy CASCADE`);
  }
}
