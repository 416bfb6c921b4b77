import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldErrorResponse {
  @ApiProperty({ example: 'administrator.email' })
  field!: string;

  @ApiProperty({ example: 'email must be an email' })
  message!: string;
}

/** Swagger shape of an RFC 9457 problem. */
export class ProblemResponse {
  @ApiProperty({ example: 'urn:nexinid:problem:tenancy.quota_exceeded' })
  type!: string;

  @ApiProperty({ example: 'Conflict' })
  title!: string;

  @ApiProperty({ example: 409 })
  status!: number;

  @ApiProperty({ example: 'The plan Developer allows 1 environments per application.' })
  detail!: string;

  @ApiProperty({ example: 'tenancy.quota_exceeded', description: 'Stable machine-readable error code.' })
  code!: string;

  @ApiPropertyOptional({ example: '/api/applications/0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10/environments' })
  instance?: string;

  @ApiPropertyOptional({ example: 'req_01J9Z3' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldErrorResponse] })
  errors?: FieldErrorResponse[];
}
