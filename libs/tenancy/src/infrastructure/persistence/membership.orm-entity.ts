import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'tenancy', name: 'memberships' })
export class MembershipOrmEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('uuid', { name: 'user_id', nullable: true })
  userId!: string | null;

  @Column('text', { name: 'invited_email', nullable: true })
  invitedEmail!: string | null;

  @Column('text')
  role!: string;

  @Column('text')
  status!: string;

  @Column('integer', { name: 'perm_ver' })
  permVer!: number;

  @Column('integer', { name: 'ent_ver' })
  entVer!: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
