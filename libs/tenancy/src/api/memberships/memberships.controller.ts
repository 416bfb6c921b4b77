import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, ProblemResponse, pageOf } from '#platform';
import { ChangeMembershipRoleCommand } from '../../application/commands/change-membership-role/change-membership-role.command.js';
import { ChangeMembershipStatusCommand } from '../../application/commands/change-membership-status/change-membership-status.command.js';
import { InviteMemberCommand } from '../../application/commands/invite-member/invite-member.command.js';
import { ListMembershipsQuery } from '../../application/queries/list-memberships/list-memberships.query.js';
import { ChangeRoleRequest, InviteMemberRequest, ListMembershipsRequest } from './membership.request.js';
import { InvitationResponse, MembershipListResponse, MembershipResponse } from './membership.response.js';

@ApiTags('Memberships')
@ApiNotFoundResponse({ description: 'No such organization or membership in your organization.', type: ProblemResponse })
@Authenticated('nexidentity.api')
@Controller('api')
export class MembershipsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post('organizations/:orgId/memberships')
  @ApiOperation({ summary: 'Invite a person by email', description: 'Requires members.manage. The one-time token is in this answer only and expires in 7 days.' })
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiBadRequestResponse({ description: 'Invalid email or role.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`tenancy.already_member`, or `tenancy.quota_exceeded` (MaxMembers).', type: ProblemResponse })
  invite(@CurrentPrincipal() principal: Principal, @Param('orgId') organizationId: string, @Body() body: InviteMemberRequest): Promise<InvitationResponse> {
    return this.commandBus.execute(new InviteMemberCommand(principal, organizationId, body.email, body.role));
  }

  @Get('organizations/:orgId/memberships')
  @ApiOperation({ summary: 'List memberships', description: 'Requires members.read. Cursor-paginated.' })
  @ApiOkResponse({ type: MembershipListResponse })
  @ApiBadRequestResponse({ description: 'Invalid status, limit or cursor.', type: ProblemResponse })
  list(@CurrentPrincipal() principal: Principal, @Param('orgId') organizationId: string, @Query() query: ListMembershipsRequest): Promise<MembershipListResponse> {
    return this.queryBus.execute(new ListMembershipsQuery(principal, organizationId, query.status, pageOf(query)));
  }

  @Post('memberships/:membershipId/suspend')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Suspend a membership', description: 'Requires members.manage; only owners act on owners. Bumps perm_ver.' })
  @ApiOkResponse({ type: MembershipResponse })
  @ApiConflictResponse({ description: '`tenancy.last_owner` or `tenancy.invalid_membership_state`.', type: ProblemResponse })
  suspend(@CurrentPrincipal() principal: Principal, @Param('membershipId') membershipId: string): Promise<MembershipResponse> {
    return this.commandBus.execute(new ChangeMembershipStatusCommand(principal, membershipId, 'suspend'));
  }

  @Post('memberships/:membershipId/reactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reactivate a suspended membership', description: 'Requires members.manage. Bumps perm_ver.' })
  @ApiOkResponse({ type: MembershipResponse })
  @ApiConflictResponse({ description: '`tenancy.invalid_membership_state`: the membership is not suspended.', type: ProblemResponse })
  reactivate(@CurrentPrincipal() principal: Principal, @Param('membershipId') membershipId: string): Promise<MembershipResponse> {
    return this.commandBus.execute(new ChangeMembershipStatusCommand(principal, membershipId, 'reactivate'));
  }

  @Patch('memberships/:membershipId')
  @ApiOperation({ summary: "Change a membership's role", description: 'Requires members.manage; only owners grant or change the owner role. Bumps perm_ver.' })
  @ApiOkResponse({ type: MembershipResponse })
  @ApiBadRequestResponse({ description: 'Invalid role.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`tenancy.last_owner`: the last active owner cannot be demoted.', type: ProblemResponse })
  changeRole(@CurrentPrincipal() principal: Principal, @Param('membershipId') membershipId: string, @Body() body: ChangeRoleRequest): Promise<MembershipResponse> {
    return this.commandBus.execute(new ChangeMembershipRoleCommand(principal, membershipId, body.role));
  }

  @Delete('memberships/:membershipId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a membership', description: 'Requires members.manage. A pending invitation is voided. Bumps perm_ver.' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiConflictResponse({ description: '`tenancy.last_owner`.', type: ProblemResponse })
  async remove(@CurrentPrincipal() principal: Principal, @Param('membershipId') membershipId: string): Promise<void> {
    await this.commandBus.execute(new ChangeMembershipStatusCommand(principal, membershipId, 'remove'));
  }
}
