import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { PermissionDto } from '../permission.dto.js';

export class CreateGrantRequest extends PermissionDto {
  @ApiProperty({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e20', format: 'uuid', description: 'An application of the membership’s organization.' })
  @IsUUID()
  applicationId!: string;
}
