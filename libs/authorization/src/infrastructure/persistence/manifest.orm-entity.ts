import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FeatureManifestDocument } from '../../domain/manifest/feature-manifest.js';

@Entity({ schema: 'authz', name: 'manifests' })
export class ManifestOrmEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'application_id' })
  applicationId!: string;

  @Column('integer')
  version!: number;

  @Column('jsonb')
  content!: FeatureManifestDocument;

  @Column('text', { name: 'content_hash' })
  contentHash!: string;

  @Column('boolean', { name: 'is_active' })
  isActive!: boolean;

  @Column('text', { name: 'published_by' })
  publishedBy!: string;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt!: Date;
}
