import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, ProblemResponse } from '#platform';
import { DeleteClientCommand } from '../../application/commands/delete-client/delete-client.command.js';
import { ProvisionClientCommand } from '../../application/commands/provision-client/provision-client.command.js';
import { RotateClientSecretCommand } from '../../application/commands/rotate-client-secret/rotate-client-secret.command.js';
import { SetClientStatusCommand } from '../../application/commands/set-client-status/set-client-status.command.js';
import { UpdateClientCommand } from '../../application/commands/update-client/update-client.command.js';
import { GetClientQuery } from '../../application/queries/get-client/get-client.query.js';
import { ListClientsQuery } from '../../application/queries/list-clients/list-clients.query.js';
import { CreateClientRequest, UpdateClientRequest } from './client.request.js';
import { ClientListResponse, ClientResponse, ClientWithSecretResponse } from './client.response.js';

@ApiTags('Clients')
@ApiNotFoundResponse({ description: 'No such application or client in your organization.', type: ProblemResponse })
@Authenticated('nexidentity.api')
@Controller('api/applications/:applicationId/clients')
export class ClientsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Provision an OAuth client', description: 'The secret of a confidential client is in this answer only.' })
  @ApiCreatedResponse({ type: ClientWithSecretResponse })
  @ApiBadRequestResponse({ description: 'Invalid type, scopes or redirect URIs.', type: ProblemResponse })
  @ApiConflictResponse({ description: 'MaxClientsPerApplication reached.', type: ProblemResponse })
  create(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string, @Body() body: CreateClientRequest): Promise<ClientWithSecretResponse> {
    const { type, ...settings } = body;
    return this.commandBus.execute(new ProvisionClientCommand(principal, applicationId, type, settings));
  }

  @Get()
  @ApiOperation({ summary: 'List the clients of an application' })
  @ApiOkResponse({ type: ClientListResponse })
  async list(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string): Promise<ClientListResponse> {
    return { items: await this.queryBus.execute(new ListClientsQuery(principal, applicationId)) };
  }

  @Get(':clientId')
  @ApiOperation({ summary: 'Get a client' })
  @ApiOkResponse({ type: ClientResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string, @Param('clientId') clientId: string): Promise<ClientResponse> {
    return this.queryBus.execute(new GetClientQuery(principal, applicationId, clientId));
  }

  @Patch(':clientId')
  @ApiOperation({ summary: 'Update a client' })
  @ApiOkResponse({ type: ClientResponse })
  @ApiBadRequestResponse({ description: 'Invalid scopes or redirect URIs.', type: ProblemResponse })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId') applicationId: string,
    @Param('clientId') clientId: string,
    @Body() body: UpdateClientRequest,
  ): Promise<ClientResponse> {
    return this.commandBus.execute(new UpdateClientCommand(principal, applicationId, clientId, body));
  }

  @Post(':clientId/disable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Disable a client', description: 'No new tokens are issued to it; issued tokens live until they expire.' })
  @ApiOkResponse({ type: ClientResponse })
  disable(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string, @Param('clientId') clientId: string): Promise<ClientResponse> {
    return this.commandBus.execute(new SetClientStatusCommand(principal, applicationId, clientId, 'disabled'));
  }

  @Post(':clientId/enable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Enable a disabled client' })
  @ApiOkResponse({ type: ClientResponse })
  enable(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string, @Param('clientId') clientId: string): Promise<ClientResponse> {
    return this.commandBus.execute(new SetClientStatusCommand(principal, applicationId, clientId, 'active'));
  }

  @Post(':clientId/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Rotate the secret of a confidential client', description: 'The old secret stops working at once.' })
  @ApiOkResponse({ type: ClientWithSecretResponse })
  @ApiConflictResponse({ description: 'The client is public and has no secret.', type: ProblemResponse })
  rotateSecret(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string, @Param('clientId') clientId: string): Promise<ClientWithSecretResponse> {
    return this.commandBus.execute(new RotateClientSecretCommand(principal, applicationId, clientId));
  }

  @Delete(':clientId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a client' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string, @Param('clientId') clientId: string): Promise<void> {
    await this.commandBus.execute(new DeleteClientCommand(principal, applicationId, clientId));
  }
}
