import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, ProblemResponse, PageRequest, pageOf } from '#platform';
import { CreateResourcePolicyCommand } from '../../application/commands/create-resource-policy/create-resource-policy.command.js';
import { DeleteResourcePolicyCommand } from '../../application/commands/delete-resource-policy/delete-resource-policy.command.js';
import { GetResourcePolicyQuery } from '../../application/queries/get-resource-policy/get-resource-policy.query.js';
import { ListResourcePoliciesQuery } from '../../application/queries/list-resource-policies/list-resource-policies.query.js';
import { CreateResourcePolicyRequest } from './resource-policy.request.js';
import { ResourcePolicyListResponse, ResourcePolicyResponse, toPolicyList, toPolicyResponse } from './resource-policy.response.js';

@ApiTags('Authorization: resource policies')
@ApiNotFoundResponse({ description: 'No such application, policy or subject in your organization.', type: ProblemResponse })
@Authenticated('nexidentity.api')
@Controller('api')
export class ResourcePoliciesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post('applications/:applicationId/resource-policies')
  @ApiOperation({
    summary: 'Narrow a permission to resources',
    description:
      'Requires authorization.manage. Policies never widen: for a check with a resource, a matching deny denies; when allow policies exist for the permission and resource type, one must match; with none the RBAC grant stands. Bumps perm_ver of the memberships it reaches.',
  })
  @ApiCreatedResponse({ type: ResourcePolicyResponse })
  @ApiBadRequestResponse({ description: 'Invalid fields, `authorization.unknown_permission` or `authorization.invalid_resource_pattern`.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`authorization.no_active_manifest`.', type: ProblemResponse })
  async create(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string, @Body() body: CreateResourcePolicyRequest): Promise<ResourcePolicyResponse> {
    return toPolicyResponse(await this.commandBus.execute(new CreateResourcePolicyCommand(principal, applicationId, { ...body })));
  }

  @Get('applications/:applicationId/resource-policies')
  @ApiOperation({ summary: 'List the resource policies of an application', description: 'Requires authorization.read. Cursor-paginated.' })
  @ApiOkResponse({ type: ResourcePolicyListResponse })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor.', type: ProblemResponse })
  async list(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string, @Query() query: PageRequest): Promise<ResourcePolicyListResponse> {
    return toPolicyList(await this.queryBus.execute(new ListResourcePoliciesQuery(principal, applicationId, pageOf(query))));
  }

  @Get('resource-policies/:policyId')
  @ApiOperation({ summary: 'Get a resource policy', description: 'Requires authorization.read.' })
  @ApiOkResponse({ type: ResourcePolicyResponse })
  async get(@CurrentPrincipal() principal: Principal, @Param('policyId') policyId: string): Promise<ResourcePolicyResponse> {
    return toPolicyResponse(await this.queryBus.execute(new GetResourcePolicyQuery(principal, policyId)));
  }

  @Delete('resource-policies/:policyId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a resource policy', description: 'Requires authorization.manage. Bumps perm_ver of the memberships it reached.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('policyId') policyId: string): Promise<void> {
    await this.commandBus.execute(new DeleteResourcePolicyCommand(principal, policyId));
  }
}
