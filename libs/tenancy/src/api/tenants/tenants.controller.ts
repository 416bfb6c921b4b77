import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ProblemResponse, RateLimit } from '#platform';
import { RegisterTenantCommand } from '../../application/commands/register-tenant/register-tenant.command.js';
import { RegisterTenantRequest } from './tenant.request.js';
import { RegisteredTenantResponse } from './tenant.response.js';

@ApiTags('Tenants')
@Controller('api/tenants')
export class TenantsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @RateLimit('registration')
  @ApiOperation({
    summary: 'Register a tenant',
    description: 'Public. Creates the tenant, its first organization and the bootstrap administrator (owner), all or nothing.',
  })
  @ApiCreatedResponse({ type: RegisteredTenantResponse })
  @ApiBadRequestResponse({ description: 'Invalid slug, plan, email or password (field errors listed), or malformed JSON.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`tenancy.slug_taken`, or `identity.email_already_registered` (the email has an account with another password).', type: ProblemResponse })
  @ApiPayloadTooLargeResponse({ description: 'Body over the size limit.', type: ProblemResponse })
  @ApiTooManyRequestsResponse({ description: 'Too many registrations from this address.', type: ProblemResponse })
  register(@Body() body: RegisterTenantRequest): Promise<RegisteredTenantResponse> {
    return this.commandBus.execute(new RegisterTenantCommand(body.slug, body.displayName, body.plan, body.organizationName, { ...body.administrator }));
  }
}
