import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, ProblemResponse } from '#platform';
import { CreateOrganizationCommand } from '../../application/commands/create-organization/create-organization.command.js';
import { RenameOrganizationCommand } from '../../application/commands/rename-organization/rename-organization.command.js';
import { GetOrganizationQuery } from '../../application/queries/get-organization/get-organization.query.js';
import { CreateOrganizationRequest, UpdateOrganizationRequest } from './organization.request.js';
import { CreatedOrganizationResponse, OrganizationResponse } from './organization.response.js';

@ApiTags('Organizations')
@Authenticated('nexidentity.api')
@Controller('api/organizations')
export class OrganizationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create another organization in your tenant',
    description:
      "Requires organizations.create in the token's organization (owners and admins). You become the new organization's owner; " +
      'counts against MaxOrganizations. To act in it, sign in again choosing it (`organization_id` in the authorization request, ' +
      'or the hosted choice page); `GET /api/me` lists your organizations.',
  })
  @ApiCreatedResponse({ type: CreatedOrganizationResponse })
  @ApiBadRequestResponse({ description: 'Invalid name (field errors listed).', type: ProblemResponse })
  @ApiConflictResponse({ description: '`tenancy.organization_name_taken`, or `tenancy.quota_exceeded` with `quota: MaxOrganizations`.', type: ProblemResponse })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateOrganizationRequest): Promise<CreatedOrganizationResponse> {
    return this.commandBus.execute(new CreateOrganizationCommand(principal, body.name));
  }

  @Get(':orgId')
  @ApiOperation({ summary: 'Get your organization', description: 'Requires organization.read.' })
  @ApiOkResponse({ type: OrganizationResponse })
  @ApiNotFoundResponse({ description: 'Not your organization.', type: ProblemResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('orgId') organizationId: string): Promise<OrganizationResponse> {
    return this.queryBus.execute(new GetOrganizationQuery(principal, organizationId));
  }

  @Patch(':orgId')
  @ApiOperation({ summary: 'Rename your organization', description: 'Requires organization.manage.' })
  @ApiOkResponse({ type: OrganizationResponse })
  @ApiBadRequestResponse({ description: 'Invalid name.', type: ProblemResponse })
  @ApiNotFoundResponse({ description: 'Not your organization.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`tenancy.organization_name_taken`.', type: ProblemResponse })
  update(@CurrentPrincipal() principal: Principal, @Param('orgId') organizationId: string, @Body() body: UpdateOrganizationRequest): Promise<OrganizationResponse> {
    return this.commandBus.execute(new RenameOrganizationCommand(principal, organizationId, body.name));
  }
}
