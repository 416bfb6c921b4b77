import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'tenancy', name: 'tenants' })
export class TenantOrmEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  slug!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('text')
  plan!: string;

  @Column('text')
  status!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
