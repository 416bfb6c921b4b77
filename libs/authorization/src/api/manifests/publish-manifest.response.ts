import { ApiProperty } from '@nestjs/swagger';

export class PermissionKeyResponse {
  @ApiProperty({ example: 'reports.advanced' })
  featureKey!: string;

  @ApiProperty({ example: 'export' })
  actionKey!: string;
}

export class ManifestDiffSideResponse {
  @ApiProperty({ type: [String], example: ['reports.advanced'], description: 'Feature keys.' })
  features!: string[];

  @ApiProperty({ type: [PermissionKeyResponse], description: 'Every (feature, action) permission, including those of the features listed.' })
  actions!: PermissionKeyResponse[];
}

export class ManifestChangeResponse {
  @ApiProperty({ example: 'reports.advanced' })
  featureKey!: string;

  @ApiProperty({ example: null, nullable: true, type: String, description: 'Null for a change of the feature itself.' })
  actionKey!: string | null;

  @ApiProperty({ enum: ['name', 'description'], example: 'name' })
  field!: string;

  @ApiProperty({ example: 'Reports' })
  from!: string;

  @ApiProperty({ example: 'Advanced reports' })
  to!: string;
}

export class ManifestDiffResponse {
  @ApiProperty({ type: ManifestDiffSideResponse })
  added!: ManifestDiffSideResponse;

  @ApiProperty({ type: ManifestDiffSideResponse })
  removed!: ManifestDiffSideResponse;

  @ApiProperty({ type: [ManifestChangeResponse], description: 'Name and description changes.' })
  changed!: ManifestChangeResponse[];
}

export class PermissionReferenceResponse {
  @ApiProperty({ enum: ['role', 'grant', 'resource_policy'], example: 'role' })
  kind!: string;

  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e31', format: 'uuid', description: 'Role, grant or policy id.' })
  id!: string;

  @ApiProperty({ example: 'report-admins', description: 'Role key, or the subject of a grant or policy (`membership:<id>`, `group:<id>`, `organization:<id>`).' })
  display!: string;

  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e11', format: 'uuid' })
  organizationId!: string;

  @ApiProperty({ example: 'reports.advanced' })
  featureKey!: string;

  @ApiProperty({ example: 'export' })
  actionKey!: string;
}

export class PublishManifestResponse {
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e20', format: 'uuid' })
  applicationId!: string;

  @ApiProperty({ example: 'orders-api' })
  applicationKey!: string;

  @ApiProperty({ example: 4, description: 'The active version after this call (on a dry run: the version it would create).' })
  version!: number;

  @ApiProperty({ example: true, description: 'False when the canonical content equals the active manifest: no new version.' })
  changed!: boolean;

  @ApiProperty({ example: false })
  dryRun!: boolean;

  @ApiProperty({ example: '3f0a6c1e5d2b4a7f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f' })
  contentHash!: string;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time', nullable: true, type: String, description: 'When the active version was published; null on a dry run that would publish.' })
  publishedAt!: string | null;

  @ApiProperty({ type: ManifestDiffResponse, description: 'Against the manifest that was active.' })
  diff!: ManifestDiffResponse;

  @ApiProperty({ type: [PermissionReferenceResponse], description: 'References deleted by prune=true (on a dry run: that would be).' })
  pruned!: PermissionReferenceResponse[];
}
