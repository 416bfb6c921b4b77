import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { EDITION_CODE_PATTERN } from '../domain/product/edition.js';
import { MAX_ALLOWLIST, PRODUCT_VISIBILITIES, type ProductVisibility } from '../domain/product/product.js';

const EXAMPLE_ID = '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e20';

export class CreateProductRequest {
  @ApiProperty({ example: EXAMPLE_ID, format: 'uuid', description: 'An application of the organization.' })
  @IsUUID()
  applicationId!: string;

  @ApiProperty({ example: 'Orders Cloud', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: PRODUCT_VISIBILITIES, example: 'public', description: 'public: any organization; allowlist: the organizations on its allowlist; private: your tenant only.' })
  @IsIn(PRODUCT_VISIBILITIES)
  visibility!: ProductVisibility;
}

export class OfflinePolicyRequest {
  @ApiProperty({ example: true })
  @IsBoolean()
  allowed!: boolean;

  @ApiProperty({ example: 72, minimum: 0, maximum: 8760, description: 'Hours an offline lease lasts (at least 1 when allowed).' })
  @IsInt()
  @Min(0)
  @Max(8760)
  leaseDurationHours!: number;

  @ApiProperty({ example: 3, minimum: 0, maximum: 1000 })
  @IsInt()
  @Min(0)
  @Max(1000)
  maxRenewals!: number;
}

export class CreateEditionRequest {
  @ApiProperty({ example: 'reports-pro', pattern: EDITION_CODE_PATTERN.source, maxLength: 64, description: 'Unique in the product; the code tokens and snapshots name.' })
  @IsString()
  @Length(1, 64)
  @Matches(EDITION_CODE_PATTERN, { message: 'code must be lower-case letters and digits in segments joined by - _ or ., starting with a letter' })
  code!: string;

  @ApiProperty({ example: 'Reports Pro', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ type: [String], example: ['reports.advanced'], maxItems: 200, description: "Feature keys of the application's active manifest that this edition unlocks." })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  featureKeys!: string[];

  @ApiProperty({ example: false, description: 'Whether device activations against this edition wait for approval.' })
  @IsBoolean()
  activationRequiresApproval!: boolean;

  @ApiProperty({ example: 2, minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  devicesPerSeat!: number;

  @ApiProperty({ type: OfflinePolicyRequest })
  @ValidateNested()
  @Type(() => OfflinePolicyRequest)
  offlinePolicy!: OfflinePolicyRequest;
}

export class ReplaceAllowlistRequest {
  @ApiProperty({ type: [String], format: 'uuid', example: [EXAMPLE_ID], maxItems: MAX_ALLOWLIST, description: 'Consumer organizations (of any tenant) the product is offered to.' })
  @IsArray()
  @ArrayMaxSize(MAX_ALLOWLIST)
  @IsUUID('all', { each: true })
  organizationIds!: string[];
}
