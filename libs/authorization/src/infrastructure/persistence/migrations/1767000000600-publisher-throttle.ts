import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed Basic publish attempts per (caller IP, claimed client id), shared by every instance. */
export class PublisherThrottle1767000000600 implements MigrationInterface {
  name = 'PublisherThrottle1767000000600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE authz.publisher_throttle (
        key text PRIMARY KEY,
        window_started_at timestamptz NOT NULL,
        failures integer NOT NULL
      )`);
    await runner.query(`CREATE INDEX publisher_throttle_window ON authz.publisher_throttle (window_started_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE authz.publisher_throttle`);
  }
}
