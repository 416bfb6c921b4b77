import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

/** The `limit` query parameter of every cursor-paginated list: 1 to 200, 50 when absent. */
export function PageLimit(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ example: DEFAULT_PAGE_SIZE, minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(MAX_PAGE_SIZE),
  );
}

/** A list page request whose cursor is the id of the last item seen. */
export class PageRequest {
  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10', description: '`nextCursor` of the previous page.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
}

export function pageOf(request: { limit?: number; cursor?: string }): { limit: number; cursor?: string } {
  return { limit: request.limit ?? DEFAULT_PAGE_SIZE, cursor: request.cursor };
}

/** The `nextCursor` of every cursor-paginated list answer. */
export function NextCursor(): PropertyDecorator {
  return ApiProperty({ example: null, nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' });
}
