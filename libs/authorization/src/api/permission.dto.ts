import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** A permission: an action of a feature declared by the application's feature manifest. */
export class PermissionDto {
  @ApiProperty({ example: 'reports.advanced', minLength: 1, maxLength: 128 })
  @IsString()
  @Length(1, 128)
  featureKey!: string;

  @ApiProperty({ example: 'view', minLength: 1, maxLength: 128 })
  @IsString()
  @Length(1, 128)
  actionKey!: string;
}

export const UUID_EXAMPLE = (example: string) => ({ example, format: 'uuid' }) as const;
