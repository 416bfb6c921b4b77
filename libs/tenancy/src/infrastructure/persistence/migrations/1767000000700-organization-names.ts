import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A tenant's organizations have distinct names, whatever their case: the sign-in choice lists them by name. */
export class OrganizationNames1767000000700 implements MigrationInterface {
  name = 'OrganizationNames1767000000700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE UNIQUE INDEX organizations_tenant_name ON tenancy.organizations (tenant_id, lower(name))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX tenancy.organizations_tenant_name`);
  }
}
