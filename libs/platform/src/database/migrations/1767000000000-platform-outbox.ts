import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlatformOutbox1767000000000 implements MigrationInterface {
  name = 'PlatformOutbox1767000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS platform`);
    await runner.query(`
      CREATE TABLE platform.outbox_events (
        id uuid PRIMARY KEY,
        tenant_id uuid,
        type text NOT NULL,
        aggregate_id text NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        relayed_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_error text
      )`);
    await runner.query(`CREATE INDEX outbox_pending ON platform.outbox_events (occurred_at) WHERE relayed_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP SCHEMA platform CASCADE`);
  }
}
