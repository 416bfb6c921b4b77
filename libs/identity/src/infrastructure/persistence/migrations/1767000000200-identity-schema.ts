import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentitySchema1767000000200 implements MigrationInterface {
  name = 'IdentitySchema1767000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS identity`);
    await runner.query(`
      CREATE TABLE identity.users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        status text NOT NULL,
        email_verified boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE UNIQUE INDEX users_email ON identity.users (email)`);
    await runner.query(`
      CREATE TABLE identity.oauth_clients (
        client_id text PRIMARY KEY,
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        application_id uuid NOT NULL,
        type text NOT NULL,
        name text NOT NULL,
        status text NOT NULL,
        secret_hash text,
        secret_rotated_at timestamptz,
        redirect_uris jsonb NOT NULL DEFAULT '[]',
        post_logout_redirect_uris jsonb NOT NULL DEFAULT '[]',
        scopes jsonb NOT NULL DEFAULT '[]',
        require_consent boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX oauth_clients_application ON identity.oauth_clients (tenant_id, application_id)`);
    await runner.query(`
      CREATE TABLE identity.signing_keys (
        kid text PRIMARY KEY,
        alg text NOT NULL,
        public_jwk jsonb NOT NULL,
        private_jwk_sealed text NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        activates_at timestamptz,
        activated_at timestamptz,
        retired_at timestamptz,
        remove_after timestamptz
      )`);
    await runner.query(`
      CREATE TABLE identity.oidc_payloads (
        model text NOT NULL,
        id text NOT NULL,
        payload jsonb NOT NULL,
        grant_id text,
        uid text,
        user_code text,
        expires_at timestamptz,
        consumed_at timestamptz,
        PRIMARY KEY (model, id)
      )`);
    await runner.query(`CREATE INDEX oidc_payloads_grant ON identity.oidc_payloads (model, grant_id) WHERE grant_id IS NOT NULL`);
    await runner.query(`CREATE INDEX oidc_payloads_uid ON identity.oidc_payloads (model, uid) WHERE uid IS NOT NULL`);
    await runner.query(`CREATE INDEX oidc_payloads_user_code ON identity.oidc_payloads (model, user_code) WHERE user_code IS NOT NULL`);
    await runner.query(`CREATE INDEX oidc_payloads_expiry ON identity.oidc_payloads (expires_at)`);
    await runner.query(`
      CREATE TABLE identity.grant_contexts (
        grant_id text PRIMARY KEY,
        user_id uuid NOT NULL,
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        membership_id uuid NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX grant_contexts_membership ON identity.grant_contexts (membership_id)`);
    await runner.query(`
      CREATE TABLE identity.sign_in_throttles (
        key text PRIMARY KEY,
        failures int NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP SCHEMA identity CASCADE`);
  }
}
