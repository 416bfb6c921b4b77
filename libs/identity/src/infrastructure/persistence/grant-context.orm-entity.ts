import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The tenant/organization/membership a user chose for one OAuth grant (oidc-provider's Grant cannot carry it). */
@Entity({ schema: 'identity', name: 'grant_contexts' })
export class GrantContextOrmEntity {
  @PrimaryColumn('text', { name: 'grant_id' })
  grantId!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('uuid', { name: 'membership_id' })
  membershipId!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
