import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Omittable, PageRequest } from '#platform';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type { MembershipStatus, OrganizationRole } from '../../application/read-models.js';
import { ORGANIZATION_ROLES } from '../../domain/membership/organization-role.js';
import { PASSWORD_MAX_LENGTH } from '../../domain/tenant/password-policy.js';

export const MEMBERSHIP_STATUSES = ['invited', 'active', 'suspended', 'removed'] as const satisfies readonly MembershipStatus[];

export class InviteMemberRequest {
  @ApiProperty({ example: 'grace@acme.example', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email!: string;

  @ApiProperty({ enum: ORGANIZATION_ROLES, example: 'member', description: 'Only an owner may invite an owner.' })
  @IsIn(ORGANIZATION_ROLES)
  role!: OrganizationRole;
}

export class ChangeRoleRequest {
  @ApiProperty({ enum: ORGANIZATION_ROLES, example: 'admin' })
  @IsIn(ORGANIZATION_ROLES)
  role!: OrganizationRole;
}

export class AcceptInvitationRequest {
  @ApiProperty({ example: 'nxinv_6bQm2l0Jx8xq3Jm0lZ2vY9cQm1Q2bK3nF5tT7uV9wX0', description: 'The one-time token from the invitation.' })
  @IsString()
  @Length(10, 200)
  token!: string;

  @ApiPropertyOptional({
    example: 'a long and unguessable passphrase',
    maxLength: PASSWORD_MAX_LENGTH,
    format: 'password',
    description: 'Required: the new account password, or the existing account password to link it (proof of ownership).',
  })
  @Omittable()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;

  @ApiPropertyOptional({ example: 'Grace Hopper', minLength: 1, maxLength: 100 })
  @Omittable()
  @IsString()
  @Length(1, 100)
  name?: string;
}

export class ListMembershipsRequest extends PageRequest {
  @ApiPropertyOptional({ enum: MEMBERSHIP_STATUSES, example: 'active', description: 'Default: every membership that is not removed.' })
  @IsOptional()
  @IsIn(MEMBERSHIP_STATUSES)
  status?: MembershipStatus;
}
