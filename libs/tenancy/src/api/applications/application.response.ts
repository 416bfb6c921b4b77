import { ApiProperty } from '@nestjs/swagger';
import { NextCursor } from '#platform';
import { APPLICATION_STATUSES, EXTERNAL_CONSUMPTION_POLICIES } from '../../domain/application/application-key.js';

export class ApplicationResponse {
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e20', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'orders-api' })
  key!: string;

  @ApiProperty({ example: 'Orders API' })
  name!: string;

  @ApiProperty({ enum: APPLICATION_STATUSES, example: 'active' })
  status!: string;

  @ApiProperty({ enum: EXTERNAL_CONSUMPTION_POLICIES, example: 'none' })
  externalConsumptionPolicy!: string;

  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e11', format: 'uuid' })
  organizationId!: string;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ example: '2026-01-05T09:30:00.000Z', format: 'date-time' })
  updatedAt!: string;
}

export class ApplicationListResponse {
  @ApiProperty({ type: [ApplicationResponse] })
  items!: ApplicationResponse[];

  @NextCursor()
  nextCursor!: string | null;
}
