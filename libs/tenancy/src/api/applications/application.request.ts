import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { Omittable } from '#platform';
import type { ExternalConsumptionPolicy } from '../../application/read-models.js';
import { APPLICATION_KEY_PATTERN, APPLICATION_STATUSES, type ApplicationStatus, EXTERNAL_CONSUMPTION_POLICIES } from '../../domain/application/application-key.js';

export class CreateApplicationRequest {
  @ApiProperty({
    example: 'orders-api',
    pattern: APPLICATION_KEY_PATTERN.source,
    description: 'Unique in the tenant, immutable. 2-64 characters: lower-case letters and digits in segments joined by single dots or hyphens, starting with a letter (`orders`, `orders-api`, `acme.orders.web`).',
  })
  @IsString()
  @Matches(APPLICATION_KEY_PATTERN, { message: 'key must be 2-64 lower-case letters and digits in segments joined by single dots or hyphens, starting with a letter' })
  key!: string;

  @ApiProperty({ example: 'Orders API', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({
    enum: EXTERNAL_CONSUMPTION_POLICIES,
    example: 'none',
    description: 'Whether other tenants may consume the application through the marketplace: none, an allowlist, or public.',
  })
  @IsIn(EXTERNAL_CONSUMPTION_POLICIES)
  externalConsumptionPolicy!: ExternalConsumptionPolicy;
}

export class UpdateApplicationRequest {
  @ApiPropertyOptional({ example: 'Orders API (EU)', minLength: 1, maxLength: 100 })
  @Omittable()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, example: 'disabled' })
  @Omittable()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ enum: EXTERNAL_CONSUMPTION_POLICIES, example: 'allowlist' })
  @Omittable()
  @IsIn(EXTERNAL_CONSUMPTION_POLICIES)
  externalConsumptionPolicy?: ExternalConsumptionPolicy;
}
