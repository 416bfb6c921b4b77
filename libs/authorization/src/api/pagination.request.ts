import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { PageRequest as Page } from '../domain/keys.js';

export class PageRequest {
  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10', description: '`nextCursor` of the previous page.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
}

export const pageOf = (request: PageRequest): Page => ({ limit: request.limit ?? 50, cursor: request.cursor });
