import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsNotEmptyObject, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ORGANIZATION_NAME_MAX } from '../../domain/organization/organization.js';
import { PLAN_NAMES, type PlanName } from '../../domain/plan/plan.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../domain/tenant/password-policy.js';
import { IsTenantSlug, MeetsPasswordPolicy, NOT_BLANK } from '../validators.js';

export class AdministratorRequest {
  @ApiProperty({ example: 'ada@acme.example', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email!: string;

  @ApiProperty({
    example: 'correct horse battery staple',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: `At least ${PASSWORD_MIN_LENGTH} characters, at most ${PASSWORD_MAX_LENGTH}; not one repeated character; not the email.`,
    format: 'password',
  })
  @IsString()
  @MeetsPasswordPolicy('email')
  password!: string;

  @ApiProperty({ example: 'Ada Lovelace', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;
}

export class RegisterTenantRequest {
  @ApiProperty({
    example: 'acme',
    pattern: '^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$',
    description: 'Identity-domain label: 3-63 characters, a-z 0-9 and hyphens, no leading or trailing hyphen, not a reserved name.',
  })
  @IsString()
  @IsTenantSlug()
  slug!: string;

  @ApiProperty({ example: 'Acme Corporation', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @ApiProperty({ enum: PLAN_NAMES, example: 'Team' })
  @IsIn(PLAN_NAMES)
  plan!: PlanName;

  @ApiProperty({ example: 'Acme HQ', minLength: 1, maxLength: ORGANIZATION_NAME_MAX })
  @IsString()
  @Length(1, ORGANIZATION_NAME_MAX)
  @Matches(NOT_BLANK, { message: 'organizationName must not be blank' })
  organizationName!: string;

  @ApiProperty({ type: AdministratorRequest })
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => AdministratorRequest)
  administrator!: AdministratorRequest;
}
