import { ApiProperty } from '@nestjs/swagger';

export class RegisteredTenantResponse {
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10', format: 'uuid' })
  tenantId!: string;

  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e11', format: 'uuid' })
  organizationId!: string;

  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e12', format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e13', format: 'uuid' })
  membershipId!: string;

  @ApiProperty({ example: 'acme' })
  slug!: string;
}
