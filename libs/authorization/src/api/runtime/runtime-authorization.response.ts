import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DENIAL_REASONS } from '../../domain/access/decision.js';
import { POLICY_EFFECTS } from '../../domain/access/access-model.js';

class VersionsResponse {
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e12', format: 'uuid' })
  membershipId!: string;

  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e20', format: 'uuid', description: 'The application that owns the token’s client.' })
  applicationId!: string;

  @ApiProperty({ example: 7, description: 'The membership’s live perm_ver the answer was evaluated at.' })
  permVer!: number;

  @ApiProperty({ example: 6, nullable: true, type: Number, description: 'perm_ver of the caller’s token (null for on-behalf questions).' })
  tokenPermVer!: number | null;

  @ApiProperty({ example: true, description: 'The token’s perm_ver is older than the live one: cached snapshots are stale, and a new token carries the new value.' })
  stale!: boolean;
}

export class CheckResultResponse {
  @ApiProperty({ example: 'reports.advanced' })
  featureKey!: string;

  @ApiProperty({ example: 'view' })
  actionKey!: string;

  @ApiProperty({ example: true })
  granted!: boolean;

  @ApiProperty({ enum: DENIAL_REASONS, nullable: true, example: null, description: 'Why it was denied; null when granted.' })
  reason!: string | null;
}

export class CheckAuthorizationResponse extends VersionsResponse {
  @ApiProperty({ example: true })
  grantedAny!: boolean;

  @ApiProperty({ example: true })
  grantedAll!: boolean;

  @ApiProperty({ type: [CheckResultResponse] })
  results!: CheckResultResponse[];

  @ApiProperty({ example: 3, nullable: true, type: Number, description: 'Version of the active feature manifest; null when none is active.' })
  manifestVersion!: number | null;
}

export class GrantSourceResponse {
  @ApiProperty({ enum: ['role', 'grant'], example: 'role' })
  type!: string;

  @ApiPropertyOptional({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e30', format: 'uuid' })
  roleId?: string;

  @ApiPropertyOptional({ example: 'report-viewer' })
  roleKey?: string;

  @ApiPropertyOptional({ enum: ['membership', 'group'], example: 'group', description: 'Whether the role is assigned to the membership or to one of its groups.' })
  via?: string;

  @ApiPropertyOptional({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e50', format: 'uuid' })
  groupId?: string;

  @ApiPropertyOptional({ example: 'finance' })
  groupKey?: string;

  @ApiPropertyOptional({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e60', format: 'uuid' })
  grantId?: string;
}

export class PolicyOutcomeResponse {
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e70', format: 'uuid' })
  policyId!: string;

  @ApiProperty({ enum: POLICY_EFFECTS, example: 'allow' })
  effect!: string;

  @ApiProperty({ example: 'eu-*' })
  resourcePattern!: string;

  @ApiProperty({ example: true, description: 'Whether the pattern matched the resource id.' })
  matched!: boolean;
}

export class ExplainResultResponse extends CheckResultResponse {
  @ApiProperty({ type: [GrantSourceResponse], description: 'Every role (direct or through a group) and grant that holds the permission.' })
  grantedBy!: GrantSourceResponse[];

  @ApiProperty({ type: [PolicyOutcomeResponse], description: 'The resource policies for this permission and resource type that apply to the membership.' })
  policies!: PolicyOutcomeResponse[];
}

export class ExplainAuthorizationResponse extends VersionsResponse {
  @ApiProperty({ example: false })
  grantedAny!: boolean;

  @ApiProperty({ example: false })
  grantedAll!: boolean;

  @ApiProperty({ type: [ExplainResultResponse] })
  results!: ExplainResultResponse[];

  @ApiProperty({ example: 3, nullable: true, type: Number })
  manifestVersion!: number | null;
}

class SnapshotPolicyResponse {
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e70', format: 'uuid' })
  policyId!: string;

  @ApiProperty({ example: 'report' })
  resourceType!: string;

  @ApiProperty({ example: 'eu-*' })
  resourcePattern!: string;

  @ApiProperty({ enum: POLICY_EFFECTS, example: 'allow' })
  effect!: string;
}

export class SnapshotPermissionResponse {
  @ApiProperty({ example: 'reports.advanced' })
  featureKey!: string;

  @ApiProperty({ example: 'view' })
  actionKey!: string;

  @ApiProperty({ example: true, description: 'Resource policies narrow it: ask the check with the resource.' })
  resourceScoped!: boolean;

  @ApiProperty({ type: [SnapshotPolicyResponse] })
  policies!: SnapshotPolicyResponse[];
}

export class AuthorizationSnapshotResponse extends VersionsResponse {
  @ApiProperty({ example: 'active', description: 'An inactive membership holds nothing.' })
  membershipStatus!: string;

  @ApiProperty({ type: [SnapshotPermissionResponse] })
  permissions!: SnapshotPermissionResponse[];
}

export class CheckScopedResponse extends CheckAuthorizationResponse {
  @ApiProperty({ example: 'reports.advanced', nullable: true, type: String, description: 'The licensed feature asked about (null in the legacy entitlementId form).' })
  licensedFeatureKey!: string | null;

  @ApiProperty({ example: true, description: 'Licensing: the membership holds a seat on an active, currently valid entitlement whose edition unlocks the feature.' })
  featureLicenseSatisfied!: boolean;

  @ApiProperty({ example: 'licensed', description: '`licensed`, or why not: `no_entitlement`, `feature_not_licensed`, `no_seat`, `entitlement_inactive`, `entitlement_not_found`, `membership_inactive`.' })
  licenseReason!: string;

  @ApiProperty({ example: ['reports-pro'], type: [String], description: 'Edition codes that license it (or that the membership holds, when none does).' })
  editionCodes!: string[];

  @ApiProperty({ example: true, description: 'The feature is available: grantedAny AND featureLicenseSatisfied.' })
  available!: boolean;
}
