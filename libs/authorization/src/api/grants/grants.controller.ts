import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, ProblemResponse, PageRequest, pageOf } from '#platform';
import { CreateGrantCommand } from '../../application/commands/create-grant/create-grant.command.js';
import { DeleteGrantCommand } from '../../application/commands/delete-grant/delete-grant.command.js';
import { ListGrantsQuery } from '../../application/queries/list-grants/list-grants.query.js';
import { CreateGrantRequest } from './grant.request.js';
import { GrantListResponse, GrantResponse, toGrantList, toGrantResponse } from './grant.response.js';

@ApiTags('Authorization: direct grants')
@ApiNotFoundResponse({ description: 'No such membership, application or grant in your organization.', type: ProblemResponse })
@Authenticated('nexidentity.api')
@Controller('api')
export class GrantsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post('memberships/:membershipId/grants')
  @ApiOperation({ summary: 'Grant one permission to a membership', description: 'Requires authorization.manage. Bumps the membership’s perm_ver.' })
  @ApiCreatedResponse({ type: GrantResponse })
  @ApiBadRequestResponse({ description: 'Invalid fields, or `authorization.unknown_permission`.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`authorization.grant_exists` or `authorization.no_active_manifest`.', type: ProblemResponse })
  async create(@CurrentPrincipal() principal: Principal, @Param('membershipId') membershipId: string, @Body() body: CreateGrantRequest): Promise<GrantResponse> {
    return toGrantResponse(await this.commandBus.execute(new CreateGrantCommand(principal, membershipId, { ...body })));
  }

  @Get('memberships/:membershipId/grants')
  @ApiOperation({ summary: 'List the direct grants of a membership', description: 'Requires authorization.read. Cursor-paginated.' })
  @ApiOkResponse({ type: GrantListResponse })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor.', type: ProblemResponse })
  async list(@CurrentPrincipal() principal: Principal, @Param('membershipId') membershipId: string, @Query() query: PageRequest): Promise<GrantListResponse> {
    return toGrantList(await this.queryBus.execute(new ListGrantsQuery(principal, membershipId, pageOf(query))));
  }

  @Delete('grants/:grantId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke a direct grant', description: 'Requires authorization.manage. Bumps the membership’s perm_ver.' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('grantId') grantId: string): Promise<void> {
    await this.commandBus.execute(new DeleteGrantCommand(principal, grantId));
  }
}
