import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, ProblemResponse, PageRequest, pageOf } from '#platform';
import { CreateApplicationCommand } from '../../application/commands/create-application/create-application.command.js';
import { DeleteApplicationCommand } from '../../application/commands/delete-application/delete-application.command.js';
import { UpdateApplicationCommand } from '../../application/commands/update-application/update-application.command.js';
import { GetApplicationQuery } from '../../application/queries/get-application/get-application.query.js';
import { ListApplicationsQuery } from '../../application/queries/list-applications/list-applications.query.js';
import { CreateApplicationRequest, UpdateApplicationRequest } from './application.request.js';
import { ApplicationListResponse, ApplicationResponse } from './application.response.js';

@ApiTags('Applications')
@ApiNotFoundResponse({ description: 'No such organization or application in your organization.', type: ProblemResponse })
@Authenticated('nexidentity.api')
@Controller('api')
export class ApplicationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post('organizations/:orgId/applications')
  @ApiOperation({ summary: 'Register an application', description: 'Requires applications.manage. Counts against MaxApplications.' })
  @ApiCreatedResponse({ type: ApplicationResponse })
  @ApiBadRequestResponse({ description: 'Invalid key, name or policy (field errors listed).', type: ProblemResponse })
  @ApiConflictResponse({ description: '`tenancy.application_key_taken`, or `tenancy.quota_exceeded` with `quota: MaxApplications`.', type: ProblemResponse })
  create(@CurrentPrincipal() principal: Principal, @Param('orgId') organizationId: string, @Body() body: CreateApplicationRequest): Promise<ApplicationResponse> {
    return this.commandBus.execute(new CreateApplicationCommand(principal, organizationId, { ...body }));
  }

  @Get('organizations/:orgId/applications')
  @ApiOperation({ summary: 'List applications', description: 'Requires applications.read. Cursor-paginated.' })
  @ApiOkResponse({ type: ApplicationListResponse })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor.', type: ProblemResponse })
  list(@CurrentPrincipal() principal: Principal, @Param('orgId') organizationId: string, @Query() query: PageRequest): Promise<ApplicationListResponse> {
    return this.queryBus.execute(new ListApplicationsQuery(principal, organizationId, pageOf(query)));
  }

  @Get('applications/:applicationId')
  @ApiOperation({ summary: 'Get an application', description: 'Requires applications.read.' })
  @ApiOkResponse({ type: ApplicationResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string): Promise<ApplicationResponse> {
    return this.queryBus.execute(new GetApplicationQuery(principal, applicationId));
  }

  @Patch('applications/:applicationId')
  @ApiOperation({ summary: 'Update an application', description: 'Requires applications.manage. The key cannot change.' })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiBadRequestResponse({ description: 'Invalid name, status or policy.', type: ProblemResponse })
  update(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string, @Body() body: UpdateApplicationRequest): Promise<ApplicationResponse> {
    return this.commandBus.execute(new UpdateApplicationCommand(principal, applicationId, { ...body }));
  }

  @Delete('applications/:applicationId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete an application', description: 'Requires applications.manage. Its environments go with it.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string): Promise<void> {
    await this.commandBus.execute(new DeleteApplicationCommand(principal, applicationId));
  }
}
