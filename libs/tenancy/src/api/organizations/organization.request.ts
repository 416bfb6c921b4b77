import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class UpdateOrganizationRequest {
  @ApiProperty({ example: 'Acme Europe', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;
}
