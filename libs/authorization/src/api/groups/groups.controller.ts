import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, ProblemResponse, PageRequest, pageOf } from '#platform';
import { AddGroupMemberCommand } from '../../application/commands/add-group-member/add-group-member.command.js';
import { CreateGroupCommand } from '../../application/commands/create-group/create-group.command.js';
import { DeleteGroupCommand } from '../../application/commands/delete-group/delete-group.command.js';
import { RemoveGroupMemberCommand } from '../../application/commands/remove-group-member/remove-group-member.command.js';
import { UpdateGroupCommand } from '../../application/commands/update-group/update-group.command.js';
import { GetGroupQuery } from '../../application/queries/get-group/get-group.query.js';
import { ListGroupMembersQuery } from '../../application/queries/list-group-members/list-group-members.query.js';
import { ListGroupsQuery } from '../../application/queries/list-groups/list-groups.query.js';
import { AddGroupMemberRequest, CreateGroupRequest, UpdateGroupRequest } from './group.request.js';
import { GroupListResponse, GroupMemberListResponse, GroupMemberResponse, GroupResponse } from './group.response.js';

@ApiTags('Authorization: security groups')
@ApiNotFoundResponse({ description: 'No such organization, group or membership in your organization.', type: ProblemResponse })
@Authenticated('nexidentity.api')
@Controller('api')
export class GroupsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post('organizations/:orgId/groups')
  @ApiOperation({ summary: 'Create a security group', description: 'Requires authorization.manage.' })
  @ApiCreatedResponse({ type: GroupResponse })
  @ApiBadRequestResponse({ description: 'Invalid key, name or description.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`authorization.group_key_taken`.', type: ProblemResponse })
  create(@CurrentPrincipal() principal: Principal, @Param('orgId') organizationId: string, @Body() body: CreateGroupRequest): Promise<GroupResponse> {
    return this.commandBus.execute(new CreateGroupCommand(principal, organizationId, { ...body }));
  }

  @Get('organizations/:orgId/groups')
  @ApiOperation({ summary: 'List security groups', description: 'Requires authorization.read. Cursor-paginated.' })
  @ApiOkResponse({ type: GroupListResponse })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor.', type: ProblemResponse })
  list(@CurrentPrincipal() principal: Principal, @Param('orgId') organizationId: string, @Query() query: PageRequest): Promise<GroupListResponse> {
    return this.queryBus.execute(new ListGroupsQuery(principal, organizationId, pageOf(query)));
  }

  @Get('groups/:groupId')
  @ApiOperation({ summary: 'Get a security group', description: 'Requires authorization.read.' })
  @ApiOkResponse({ type: GroupResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('groupId') groupId: string): Promise<GroupResponse> {
    return this.queryBus.execute(new GetGroupQuery(principal, groupId));
  }

  @Patch('groups/:groupId')
  @ApiOperation({ summary: 'Rename or describe a security group', description: 'Requires authorization.manage. Changes nobody’s access.' })
  @ApiOkResponse({ type: GroupResponse })
  @ApiBadRequestResponse({ description: 'Invalid name or description.', type: ProblemResponse })
  update(@CurrentPrincipal() principal: Principal, @Param('groupId') groupId: string, @Body() body: UpdateGroupRequest): Promise<GroupResponse> {
    return this.commandBus.execute(new UpdateGroupCommand(principal, groupId, { ...body }));
  }

  @Delete('groups/:groupId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a security group', description: 'Requires authorization.manage. Its members, role assignments and policies go with it.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('groupId') groupId: string): Promise<void> {
    await this.commandBus.execute(new DeleteGroupCommand(principal, groupId));
  }

  @Post('groups/:groupId/members')
  @ApiOperation({ summary: 'Add a membership to a group', description: 'Requires authorization.manage. Bumps its perm_ver when the group holds roles or policies.' })
  @ApiCreatedResponse({ type: GroupMemberResponse })
  @ApiBadRequestResponse({ description: 'Invalid membershipId.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`authorization.already_group_member`.', type: ProblemResponse })
  addMember(@CurrentPrincipal() principal: Principal, @Param('groupId') groupId: string, @Body() body: AddGroupMemberRequest): Promise<GroupMemberResponse> {
    return this.commandBus.execute(new AddGroupMemberCommand(principal, groupId, body.membershipId));
  }

  @Get('groups/:groupId/members')
  @ApiOperation({ summary: 'List the members of a group', description: 'Requires authorization.read. Cursor-paginated.' })
  @ApiOkResponse({ type: GroupMemberListResponse })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor.', type: ProblemResponse })
  members(@CurrentPrincipal() principal: Principal, @Param('groupId') groupId: string, @Query() query: PageRequest): Promise<GroupMemberListResponse> {
    return this.queryBus.execute(new ListGroupMembersQuery(principal, groupId, pageOf(query)));
  }

  @Delete('groups/:groupId/members/:membershipId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a membership from a group', description: 'Requires authorization.manage.' })
  @ApiNoContentResponse({ description: 'Removed.' })
  async removeMember(@CurrentPrincipal() principal: Principal, @Param('groupId') groupId: string, @Param('membershipId') membershipId: string): Promise<void> {
    await this.commandBus.execute(new RemoveGroupMemberCommand(principal, groupId, membershipId));
  }
}
