import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, ProblemResponse, PageRequest, pageOf } from '#platform';
import { CreateRoleCommand } from '../../application/commands/create-role/create-role.command.js';
import { DeleteRoleCommand } from '../../application/commands/delete-role/delete-role.command.js';
import { UpdateRoleCommand } from '../../application/commands/update-role/update-role.command.js';
import { GetRoleQuery } from '../../application/queries/get-role/get-role.query.js';
import { ListRolesQuery } from '../../application/queries/list-roles/list-roles.query.js';
import { CreateRoleRequest, UpdateRoleRequest } from './role.request.js';
import { RoleListResponse, RoleResponse } from './role.response.js';

const PERMISSION_PROBLEMS =
  'Invalid fields, or `authorization.unknown_permission` naming the permissions the active manifest does not declare.';

@ApiTags('Authorization: roles')
@ApiNotFoundResponse({ description: 'No such application or role in your organization.', type: ProblemResponse })
@Authenticated('nexidentity.api')
@Controller('api')
export class RolesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post('applications/:applicationId/roles')
  @ApiOperation({ summary: 'Define a role', description: 'Requires authorization.manage. Permissions are validated against the active feature manifest.' })
  @ApiCreatedResponse({ type: RoleResponse })
  @ApiBadRequestResponse({ description: PERMISSION_PROBLEMS, type: ProblemResponse })
  @ApiConflictResponse({ description: '`authorization.role_key_taken`, or `authorization.no_active_manifest`.', type: ProblemResponse })
  create(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string, @Body() body: CreateRoleRequest): Promise<RoleResponse> {
    return this.commandBus.execute(new CreateRoleCommand(principal, applicationId, { ...body, permissions: body.permissions.map((p) => ({ ...p })) }));
  }

  @Get('applications/:applicationId/roles')
  @ApiOperation({ summary: 'List the roles of an application', description: 'Requires authorization.read. Cursor-paginated.' })
  @ApiOkResponse({ type: RoleListResponse })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor.', type: ProblemResponse })
  list(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string, @Query() query: PageRequest): Promise<RoleListResponse> {
    return this.queryBus.execute(new ListRolesQuery(principal, applicationId, pageOf(query)));
  }

  @Get('roles/:roleId')
  @ApiOperation({ summary: 'Get a role', description: 'Requires authorization.read.' })
  @ApiOkResponse({ type: RoleResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('roleId') roleId: string): Promise<RoleResponse> {
    return this.queryBus.execute(new GetRoleQuery(principal, roleId));
  }

  @Patch('roles/:roleId')
  @ApiOperation({
    summary: 'Update a role',
    description: 'Requires authorization.manage. `permissions` replaces the whole set; a changed set bumps perm_ver of every holder (directly or through a group).',
  })
  @ApiOkResponse({ type: RoleResponse })
  @ApiBadRequestResponse({ description: PERMISSION_PROBLEMS, type: ProblemResponse })
  @ApiConflictResponse({ description: '`authorization.no_active_manifest`.', type: ProblemResponse })
  update(@CurrentPrincipal() principal: Principal, @Param('roleId') roleId: string, @Body() body: UpdateRoleRequest): Promise<RoleResponse> {
    return this.commandBus.execute(new UpdateRoleCommand(principal, roleId, { ...body, permissions: body.permissions?.map((p) => ({ ...p })) }));
  }

  @Delete('roles/:roleId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a role', description: 'Requires authorization.manage. Its assignments go with it; holders get a new perm_ver.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('roleId') roleId: string): Promise<void> {
    await this.commandBus.execute(new DeleteRoleCommand(principal, roleId));
  }
}
