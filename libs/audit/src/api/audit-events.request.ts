import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageLimit } from '#platform';

export class ListAuditEventsRequest {
  @ApiPropertyOptional({ example: 'client.*', description: 'Exact action, or a prefix ending in `*`.' })
  @IsOptional()
  @Matches(/^[a-z0-9_.]+\*?$/, { message: 'action must be a dotted action name, optionally ending in *' })
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ example: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10', description: 'User id or client id of the actor.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorId?: string;

  @ApiPropertyOptional({ example: 'client' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  targetType?: string;

  @ApiPropertyOptional({ example: 'svc_Yk3v9Q2mXbZt1c8RwLpA4g' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  targetId?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', example: '2026-11-01T00:00:00Z', description: 'Inclusive lower bound.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', example: '2026-12-01T00:00:00Z', description: 'Exclusive upper bound.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ example: 'MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDAxOTBmMWMy', description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
