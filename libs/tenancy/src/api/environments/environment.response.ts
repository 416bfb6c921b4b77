import { ApiProperty } from '@nestjs/swagger';

export class EnvironmentResponse {
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e30', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e20', format: 'uuid' })
  applicationId!: string;

  @ApiProperty({ example: 'production' })
  key!: string;

  @ApiProperty({ example: 'Production' })
  name!: string;

  @ApiProperty({ example: 'Customer-facing deployment in eu-west-1.', nullable: true, type: String })
  description!: string | null;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  updatedAt!: string;
}

export class EnvironmentListResponse {
  @ApiProperty({ type: [EnvironmentResponse] })
  items!: EnvironmentResponse[];
}
