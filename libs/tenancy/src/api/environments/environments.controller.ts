import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, ProblemResponse } from '#platform';
import { CreateEnvironmentCommand } from '../../application/commands/create-environment/create-environment.command.js';
import { DeleteEnvironmentCommand } from '../../application/commands/delete-environment/delete-environment.command.js';
import { ReplaceEnvironmentCommand } from '../../application/commands/replace-environment/replace-environment.command.js';
import { GetEnvironmentQuery } from '../../application/queries/get-environment/get-environment.query.js';
import { ListEnvironmentsQuery } from '../../application/queries/list-environments/list-environments.query.js';
import { EnvironmentRequest } from './environment.request.js';
import { EnvironmentListResponse, EnvironmentResponse } from './environment.response.js';

const fieldsOf = (body: EnvironmentRequest) => ({ key: body.key, name: body.name, description: body.description ?? null });

@ApiTags('Environments')
@ApiNotFoundResponse({ description: 'No such application or environment in your organization.', type: ProblemResponse })
@Authenticated('nexidentity.api')
@Controller('api/applications/:applicationId/environments')
export class EnvironmentsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: "List an application's environments", description: 'Requires applications.read.' })
  @ApiOkResponse({ type: EnvironmentListResponse })
  async list(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string): Promise<EnvironmentListResponse> {
    return { items: await this.queryBus.execute(new ListEnvironmentsQuery(principal, applicationId)) };
  }

  @Post()
  @ApiOperation({ summary: 'Create an environment', description: 'Requires applications.manage. Counts against MaxEnvironments (Developer: 1 per application).' })
  @ApiCreatedResponse({ type: EnvironmentResponse })
  @ApiBadRequestResponse({ description: 'Invalid key or name (field errors listed).', type: ProblemResponse })
  @ApiConflictResponse({ description: '`tenancy.environment_key_taken`, or `tenancy.quota_exceeded` with `quota: MaxEnvironments`.', type: ProblemResponse })
  create(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string, @Body() body: EnvironmentRequest): Promise<EnvironmentResponse> {
    return this.commandBus.execute(new CreateEnvironmentCommand(principal, applicationId, fieldsOf(body)));
  }

  @Get(':environmentId')
  @ApiOperation({ summary: 'Get an environment', description: 'Requires applications.read.' })
  @ApiOkResponse({ type: EnvironmentResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string, @Param('environmentId') environmentId: string): Promise<EnvironmentResponse> {
    return this.queryBus.execute(new GetEnvironmentQuery(principal, applicationId, environmentId));
  }

  @Put(':environmentId')
  @ApiOperation({ summary: 'Replace an environment', description: 'Requires applications.manage. Every field is replaced.' })
  @ApiOkResponse({ type: EnvironmentResponse })
  @ApiBadRequestResponse({ description: 'Invalid key or name.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`tenancy.environment_key_taken`.', type: ProblemResponse })
  replace(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId') applicationId: string,
    @Param('environmentId') environmentId: string,
    @Body() body: EnvironmentRequest,
  ): Promise<EnvironmentResponse> {
    return this.commandBus.execute(new ReplaceEnvironmentCommand(principal, applicationId, environmentId, fieldsOf(body)));
  }

  @Delete(':environmentId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete an environment', description: 'Requires applications.manage.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string, @Param('environmentId') environmentId: string): Promise<void> {
    await this.commandBus.execute(new DeleteEnvironmentCommand(principal, applicationId, environmentId));
  }
}
