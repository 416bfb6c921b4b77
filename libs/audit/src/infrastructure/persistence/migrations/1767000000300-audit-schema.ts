import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditSchema1767000000300 implements MigrationInterface {
  name = 'AuditSchema1767000000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS audit`);
    await runner.query(`
      CREATE TABLE audit.audit_events (
        id uuid PRIMARY KEY,
        tenant_id uuid,
        organization_id uuid,
        action text NOT NULL,
        actor_type text NOT NULL,
        actor_id text NOT NULL,
        actor_display text,
        target_type text,
        target_id text,
        target_display text,
        outcome text NOT NULL,
        reason text,
        ip text,
        user_agent text,
        request_id text,
        diff jsonb,
        occurred_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX audit_events_feed ON audit.audit_events (tenant_id, occurred_at DESC, id DESC)`);
    await runner.query(`CREATE INDEX audit_events_action ON audit.audit_events (tenant_id, action)`);
    await runner.query(`CREATE INDEX audit_events_actor ON audit.audit_events (tenant_id, actor_id)`);
    await runner.query(`CREATE INDEX audit_events_target ON audit.audit_events (tenant_id, target_type, target_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP SCHEMA audit CASCADE`);
  }
}
