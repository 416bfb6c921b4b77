import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, ProblemResponse } from '#platform';
import { RenameOrganizationCommand } from '../../application/commands/rename-organization/rename-organization.command.js';
import { GetOrganizationQuery } from '../../application/queries/get-organization/get-organization.query.js';
import { UpdateOrganizationRequest } from './organization.request.js';
import { OrganizationResponse } from './organization.response.js';

@ApiTags('Organizations')
@ApiNotFoundResponse({ description: 'Not your organization.', type: ProblemResponse })
@Authenticated('nexidentity.api')
@Controller('api/organizations/:orgId')
export class OrganizationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Get your organization', description: 'Requires organization.read.' })
  @ApiOkResponse({ type: OrganizationResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('orgId') organizationId: string): Promise<OrganizationResponse> {
    return this.queryBus.execute(new GetOrganizationQuery(principal, organizationId));
  }

  @Patch()
  @ApiOperation({ summary: 'Rename your organization', description: 'Requires organization.manage.' })
  @ApiOkResponse({ type: OrganizationResponse })
  @ApiBadRequestResponse({ description: 'Invalid name.', type: ProblemResponse })
  update(@CurrentPrincipal() principal: Principal, @Param('orgId') organizationId: string, @Body() body: UpdateOrganizationRequest): Promise<OrganizationResponse> {
    return this.commandBus.execute(new RenameOrganizationCommand(principal, organizationId, body.name));
  }
}
