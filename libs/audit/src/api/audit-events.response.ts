import { ApiProperty } from '@nestjs/swagger';
import { NextCursor } from '#platform';

class AuditActorResponse {
  @ApiProperty({ enum: ['user', 'client', 'system', 'anonymous'], example: 'user' })
  type!: string;
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10' })
  id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'ada@example.com' })
  display!: string | null;
}

class AuditTargetResponse {
  @ApiProperty({ example: 'client' })
  type!: string;
  @ApiProperty({ example: 'svc_Yk3v9Q2mXbZt1c8RwLpA4g' })
  id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Nightly sync' })
  display!: string | null;
}

export class AuditEventResponse {
  @ApiProperty({ format: 'uuid', example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e11' })
  id!: string;
  @ApiProperty({ example: 'client.secret_rotated' })
  action!: string;
  @ApiProperty({ type: AuditActorResponse })
  actor!: AuditActorResponse;
  @ApiProperty({ type: AuditTargetResponse, nullable: true })
  target!: AuditTargetResponse | null;
  @ApiProperty({ enum: ['success', 'failure'], example: 'success' })
  outcome!: string;
  @ApiProperty({ type: String, nullable: true, example: null })
  reason!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e0f' })
  organizationId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '203.0.113.7' })
  ip!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'curl/8.5.0' })
  userAgent!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'b5f0c1de-5b52-4a4c-9d1e-6f0a7c2d9e33' })
  requestId!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { before: { name: 'Nightly sync' }, after: { name: 'Nightly sync v2' } },
    description: 'Before/after values; secrets are masked as ***.',
  })
  diff!: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-22T10:00:00.000Z' })
  occurredAt!: string;
}

export class AuditEventPageResponse {
  @ApiProperty({ type: [AuditEventResponse] })
  items!: AuditEventResponse[];
  @NextCursor()
  nextCursor!: string | null;
}
