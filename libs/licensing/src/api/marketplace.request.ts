import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsDateString, IsInt, IsUUID, Max, Min } from 'class-validator';
import { Omittable } from '#platform';

const EXAMPLE_ID = '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e20';
const EDITION_ID = '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e31';

export class InstallProductRequest {
  @ApiProperty({ example: EXAMPLE_ID, format: 'uuid', description: 'A product from the organization’s catalog.' })
  @IsUUID()
  productId!: string;

  @ApiProperty({ example: EDITION_ID, format: 'uuid' })
  @IsUUID()
  editionId!: string;
}

export class CreateSubscriptionRequest {
  @ApiProperty({ example: EXAMPLE_ID, format: 'uuid' })
  @IsUUID()
  installationId!: string;

  @ApiProperty({ example: EDITION_ID, format: 'uuid', description: 'A published edition of the installed product.' })
  @IsUUID()
  editionId!: string;

  @ApiProperty({ example: 25, minimum: 1, maximum: 1000000, description: 'Seat budget that the subscription’s entitlements share.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  seats!: number;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00.000Z', format: 'date-time', description: 'Defaults to now.' })
  @Omittable()
  @IsDateString({ strict: true })
  startsAt?: string;

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00.000Z', format: 'date-time', description: 'Open-ended when omitted.' })
  @Omittable()
  @IsDateString({ strict: true })
  endsAt?: string;
}

export class CreateEntitlementRequest {
  @ApiProperty({ example: EDITION_ID, format: 'uuid', description: 'A published edition of the subscription’s product.' })
  @IsUUID()
  editionId!: string;

  @ApiProperty({ example: 10, minimum: 1, maximum: 1000000 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  seatCount!: number;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00.000Z', format: 'date-time', description: 'Defaults to now.' })
  @Omittable()
  @IsDateString({ strict: true })
  validFrom?: string;

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00.000Z', format: 'date-time', description: 'The entitlement expires then; open-ended when omitted.' })
  @Omittable()
  @IsDateString({ strict: true })
  validUntil?: string;
}

export class ReplaceSeatsRequest {
  @ApiProperty({ type: [String], format: 'uuid', example: ['0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e41'], maxItems: 1000, description: 'The complete set of memberships of the organization that hold a seat.' })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  membershipIds!: string[];
}
