import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'identity', name: 'oauth_clients' })
export class OAuthClientOrmEntity {
  @PrimaryColumn('text', { name: 'client_id' })
  clientId!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('uuid', { name: 'application_id' })
  applicationId!: string;

  @Column('text')
  type!: string;

  @Column('text')
  name!: string;

  @Column('text')
  status!: string;

  @Column('text', { name: 'secret_hash', nullable: true })
  secretHash!: string | null;

  @Column('timestamptz', { name: 'secret_rotated_at', nullable: true })
  secretRotatedAt!: Date | null;

  @Column('jsonb', { name: 'redirect_uris' })
  redirectUris!: string[];

  @Column('jsonb', { name: 'post_logout_redirect_uris' })
  postLogoutRedirectUris!: string[];

  @Column('jsonb')
  scopes!: string[];

  @Column('boolean', { name: 'require_consent' })
  requireConsent!: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
