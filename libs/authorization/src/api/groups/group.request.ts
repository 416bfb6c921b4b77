import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Omittable } from '#platform';
import { RBAC_KEY_PATTERN } from '../../domain/keys.js';

export class CreateGroupRequest {
  @ApiProperty({ example: 'finance', pattern: RBAC_KEY_PATTERN.source, description: 'Unique in the organization, immutable.' })
  @IsString()
  @Matches(RBAC_KEY_PATTERN, { message: 'key must be 2-64 lower-case letters and digits in segments joined by ".", "-" or "_", starting with a letter' })
  key!: string;

  @ApiProperty({ example: 'Finance team', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ example: 'Everyone who approves invoices.', maxLength: 500 })
  @Omittable()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class UpdateGroupRequest {
  @ApiPropertyOptional({ example: 'Finance and controlling', minLength: 1, maxLength: 100 })
  @Omittable()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ example: 'Approves invoices and reads the ledger.', maxLength: 500 })
  @Omittable()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class AddGroupMemberRequest {
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e12', format: 'uuid', description: 'A membership of the group’s organization.' })
  @IsUUID()
  membershipId!: string;
}
