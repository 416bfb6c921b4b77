import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageLimit } from '#platform';

const BOOLEAN = ['true', 'false'];

export class PublishManifestParams {
  @ApiPropertyOptional({ enum: BOOLEAN, example: 'false', description: 'Validate and answer the diff without writing anything.' })
  @IsOptional()
  @IsIn(BOOLEAN)
  dryRun?: string;

  @ApiPropertyOptional({
    enum: BOOLEAN,
    example: 'false',
    description: 'Delete the role permissions, grants and resource policies that use removed permissions (and bump perm_ver of their holders) instead of refusing with 409.',
  })
  @IsOptional()
  @IsIn(BOOLEAN)
  prune?: string;
}

export class ManifestPageRequest {
  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ example: '3', description: '`nextCursor` of the previous page (a version number).' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,8}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}
