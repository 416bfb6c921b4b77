import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, ProblemResponse, PageRequest, pageOf } from '#platform';
import { AssignRoleCommand } from '../../application/commands/assign-role/assign-role.command.js';
import { UnassignRoleCommand } from '../../application/commands/unassign-role/unassign-role.command.js';
import { ListRoleAssignmentsQuery } from '../../application/queries/list-role-assignments/list-role-assignments.query.js';
import type { AssignmentSubject } from '../../domain/role/role-assignment.repository.js';
import { AssignRoleRequest } from './role.request.js';
import { RoleAssignmentListResponse, RoleAssignmentResponse } from './role.response.js';

const membership = (membershipId: string): AssignmentSubject => ({ kind: 'membership', membershipId });
const group = (groupId: string): AssignmentSubject => ({ kind: 'group', groupId });

@ApiTags('Authorization: role assignments')
@ApiNotFoundResponse({ description: 'No such membership, group, role or assignment in your organization.', type: ProblemResponse })
@Authenticated('nexidentity.api')
@Controller('api')
export class RoleAssignmentsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post('memberships/:membershipId/roles')
  @ApiOperation({ summary: 'Assign a role to a membership', description: 'Requires authorization.manage. Bumps the membership’s perm_ver.' })
  @ApiCreatedResponse({ type: RoleAssignmentResponse })
  @ApiBadRequestResponse({ description: 'Invalid roleId.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`authorization.role_already_assigned`.', type: ProblemResponse })
  assignToMembership(@CurrentPrincipal() principal: Principal, @Param('membershipId') membershipId: string, @Body() body: AssignRoleRequest): Promise<RoleAssignmentResponse> {
    return this.commandBus.execute(new AssignRoleCommand(principal, body.roleId, membership(membershipId)));
  }

  @Get('memberships/:membershipId/roles')
  @ApiOperation({ summary: 'List the roles assigned to a membership', description: 'Requires authorization.read. Direct assignments only; group roles are listed on the group.' })
  @ApiOkResponse({ type: RoleAssignmentListResponse })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor.', type: ProblemResponse })
  listOfMembership(@CurrentPrincipal() principal: Principal, @Param('membershipId') membershipId: string, @Query() query: PageRequest): Promise<RoleAssignmentListResponse> {
    return this.queryBus.execute(new ListRoleAssignmentsQuery(principal, membership(membershipId), pageOf(query)));
  }

  @Delete('memberships/:membershipId/roles/:roleId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Unassign a role from a membership', description: 'Requires authorization.manage. Bumps the membership’s perm_ver.' })
  @ApiNoContentResponse({ description: 'Unassigned.' })
  async unassignFromMembership(@CurrentPrincipal() principal: Principal, @Param('membershipId') membershipId: string, @Param('roleId') roleId: string): Promise<void> {
    await this.commandBus.execute(new UnassignRoleCommand(principal, roleId, membership(membershipId)));
  }

  @Post('groups/:groupId/roles')
  @ApiOperation({ summary: 'Assign a role to a security group', description: 'Requires authorization.manage. Bumps perm_ver of every member.' })
  @ApiCreatedResponse({ type: RoleAssignmentResponse })
  @ApiBadRequestResponse({ description: 'Invalid roleId.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`authorization.role_already_assigned`.', type: ProblemResponse })
  assignToGroup(@CurrentPrincipal() principal: Principal, @Param('groupId') groupId: string, @Body() body: AssignRoleRequest): Promise<RoleAssignmentResponse> {
    return this.commandBus.execute(new AssignRoleCommand(principal, body.roleId, group(groupId)));
  }

  @Get('groups/:groupId/roles')
  @ApiOperation({ summary: 'List the roles assigned to a security group', description: 'Requires authorization.read.' })
  @ApiOkResponse({ type: RoleAssignmentListResponse })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor.', type: ProblemResponse })
  listOfGroup(@CurrentPrincipal() principal: Principal, @Param('groupId') groupId: string, @Query() query: PageRequest): Promise<RoleAssignmentListResponse> {
    return this.queryBus.execute(new ListRoleAssignmentsQuery(principal, group(groupId), pageOf(query)));
  }

  @Delete('groups/:groupId/roles/:roleId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Unassign a role from a security group', description: 'Requires authorization.manage. Bumps perm_ver of every member.' })
  @ApiNoContentResponse({ description: 'Unassigned.' })
  async unassignFromGroup(@CurrentPrincipal() principal: Principal, @Param('groupId') groupId: string, @Param('roleId') roleId: string): Promise<void> {
    await this.commandBus.execute(new UnassignRoleCommand(principal, roleId, group(groupId)));
  }
}
