import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ProblemResponse, RateLimit } from '#platform';
import { AcceptInvitationCommand } from '../../application/commands/accept-invitation/accept-invitation.command.js';
import { AcceptInvitationRequest } from './membership.request.js';
import { AcceptedInvitationResponse } from './membership.response.js';

@ApiTags('Memberships')
@Controller('api/memberships/invitations')
export class InvitationsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('accept')
  @HttpCode(HttpStatus.OK)
  @RateLimit('registration')
  @ApiOperation({
    summary: 'Accept an invitation',
    description: 'Public: the one-time token is the credential. Creates the account for the invited email, or links an existing one given its password.',
  })
  @ApiOkResponse({ type: AcceptedInvitationResponse })
  @ApiBadRequestResponse({ description: 'Missing or weak password (field errors), or `tenancy.invitation_expired`.', type: ProblemResponse })
  @ApiNotFoundResponse({ description: '`tenancy.invitation_not_found`: unknown, used or voided token.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`identity.email_already_registered` (wrong password for the existing account) or `tenancy.already_member`.', type: ProblemResponse })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address.', type: ProblemResponse })
  accept(@Body() body: AcceptInvitationRequest): Promise<AcceptedInvitationResponse> {
    return this.commandBus.execute(new AcceptInvitationCommand(body.token, body.password, body.name));
  }
}
