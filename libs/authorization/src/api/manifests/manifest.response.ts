import { ApiProperty } from '@nestjs/swagger';

const APPLICATION_ID = '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e20';
const HASH = '3f0a6c1e5d2b4a7f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f';

export class ManifestActionResponse {
  @ApiProperty({ example: 'export' })
  key!: string;

  @ApiProperty({ example: 'Download as CSV or XLSX.' })
  description!: string;
}

export class ManifestFeatureResponse {
  @ApiProperty({ example: 'reports.advanced' })
  key!: string;

  @ApiProperty({ example: 'Advanced reports' })
  name!: string;

  @ApiProperty({ example: 'Pivot tables and scheduled exports.' })
  description!: string;

  @ApiProperty({ type: [ManifestActionResponse] })
  actions!: ManifestActionResponse[];
}

export class ManifestVersionSummaryResponse {
  @ApiProperty({ example: APPLICATION_ID, format: 'uuid' })
  applicationId!: string;

  @ApiProperty({ example: 3, minimum: 1 })
  version!: number;

  @ApiProperty({ example: true, description: 'Whether this is the active version (exactly one is).' })
  active!: boolean;

  @ApiProperty({ example: HASH, description: 'SHA-256 of the canonical content (features and actions ordered by key).' })
  contentHash!: string;

  @ApiProperty({ example: 'pub_Yk3v9Q2mXbZt1c8RwLpA4g', description: 'Client id of the publisher.' })
  publishedBy!: string;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  publishedAt!: string;

  @ApiProperty({ example: 4 })
  featureCount!: number;

  @ApiProperty({ example: 11, description: 'Number of (feature, action) permissions.' })
  permissionCount!: number;
}

export class ManifestVersionResponse extends ManifestVersionSummaryResponse {
  @ApiProperty({ type: [ManifestFeatureResponse], description: 'In canonical form: ordered by key, absent descriptions as "".' })
  features!: ManifestFeatureResponse[];
}

export class ManifestListResponse {
  @ApiProperty({ type: [ManifestVersionSummaryResponse] })
  items!: ManifestVersionSummaryResponse[];

  @ApiProperty({ example: null, nullable: true, type: String, description: 'Pass as `cursor` for the next (older) page; null on the last page.' })
  nextCursor!: string | null;
}
