import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'tenancy', name: 'applications' })
export class ApplicationOrmEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('text')
  key!: string;

  @Column('text')
  name!: string;

  @Column('text')
  status!: string;

  @Column('text', { name: 'external_consumption_policy' })
  externalConsumptionPolicy!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
