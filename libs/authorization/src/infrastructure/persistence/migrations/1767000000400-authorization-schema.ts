import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The authorization context's tables, in schema `authz` (`authorization` is an
 * SQL keyword). Feature manifests per application; application-scoped roles
 * with their permissions; organization-scoped security groups; role
 * assignments to memberships or groups; direct grants; resource policies.
 * Every row carries tenant_id and every tenant-scoped unique includes it.
 */
export class AuthorizationSchema1767000000400 implements MigrationInterface {
  name = 'AuthorizationSchema1767000000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS authz`);
    await runner.query(`
      CREATE TABLE authz.manifests (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        application_id uuid NOT NULL,
        version integer NOT NULL,
        content jsonb NOT NULL,
        content_hash text NOT NULL,
        is_active boolean NOT NULL,
        published_by text NOT NULL,
        published_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE UNIQUE INDEX manifests_version ON authz.manifests (tenant_id, application_id, version)`);
    await runner.query(`CREATE UNIQUE INDEX manifests_active ON authz.manifests (tenant_id, application_id) WHERE is_active`);

    await runner.query(`
      CREATE TABLE authz.roles (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        application_id uuid NOT NULL,
        key text NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE UNIQUE INDEX roles_key ON authz.roles (tenant_id, organization_id, application_id, key)`);
    await runner.query(`
      CREATE TABLE authz.role_permissions (
        tenant_id uuid NOT NULL,
        role_id uuid NOT NULL REFERENCES authz.roles (id) ON DELETE CASCADE,
        feature_key text NOT NULL,
        action_key text NOT NULL,
        PRIMARY KEY (role_id, feature_key, action_key)
      )`);
    await runner.query(`CREATE INDEX role_permissions_key ON authz.role_permissions (tenant_id, feature_key, action_key)`);

    await runner.query(`
      CREATE TABLE authz.groups (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        key text NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE UNIQUE INDEX groups_key ON authz.groups (tenant_id, organization_id, key)`);
    await runner.query(`
      CREATE TABLE authz.group_members (
        tenant_id uuid NOT NULL,
        group_id uuid NOT NULL REFERENCES authz.groups (id) ON DELETE CASCADE,
        membership_id uuid NOT NULL,
        added_at timestamptz NOT NULL,
        PRIMARY KEY (group_id, membership_id)
      )`);
    await runner.query(`CREATE INDEX group_members_membership ON authz.group_members (tenant_id, membership_id)`);

    await runner.query(`
      CREATE TABLE authz.role_assignments (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        role_id uuid NOT NULL REFERENCES authz.roles (id) ON DELETE CASCADE,
        membership_id uuid,
        group_id uuid REFERENCES authz.groups (id) ON DELETE CASCADE,
        assigned_at timestamptz NOT NULL,
        CHECK ((membership_id IS NULL) <> (group_id IS NULL))
      )`);
    await runner.query(`CREATE UNIQUE INDEX role_assignments_membership ON authz.role_assignments (tenant_id, membership_id, role_id) WHERE membership_id IS NOT NULL`);
    await runner.query(`CREATE UNIQUE INDEX role_assignments_group ON authz.role_assignments (tenant_id, group_id, role_id) WHERE group_id IS NOT NULL`);
    await runner.query(`CREATE INDEX role_assignments_role ON authz.role_assignments (role_id)`);

    await runner.query(`
      CREATE TABLE authz.grants (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        application_id uuid NOT NULL,
        membership_id uuid NOT NULL,
        feature_key text NOT NULL,
        action_key text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE UNIQUE INDEX grants_permission ON authz.grants (tenant_id, membership_id, application_id, feature_key, action_key)`);
    await runner.query(`CREATE INDEX grants_application ON authz.grants (tenant_id, application_id, feature_key, action_key)`);

    await runner.query(`
      CREATE TABLE authz.resource_policies (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        application_id uuid NOT NULL,
        subject_type text NOT NULL CHECK (subject_type IN ('membership', 'group', 'organization')),
        subject_id uuid NOT NULL,
        feature_key text NOT NULL,
        action_key text NOT NULL,
        resource_type text NOT NULL,
        resource_pattern text NOT NULL,
        effect text NOT NULL CHECK (effect IN ('allow', 'deny')),
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX resource_policies_application ON authz.resource_policies (tenant_id, application_id, feature_key, action_key)`);
    await runner.query(`CREATE INDEX resource_policies_subject ON authz.resource_policies (tenant_id, subject_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP SCHEMA IF EXISTS authz CASCADE`);
  }
}
