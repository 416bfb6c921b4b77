import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '#platform';
import { GetCallerQuery } from '../../application/queries/get-caller/get-caller.query.js';
import { CallerResponse } from './caller.response.js';

@ApiTags('Me')
@Authenticated('nexidentity.api')
@Controller('api/me')
export class MeController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Who you are',
    description: "The access token's user or client, tenant and organization (the `{orgId}` the organization routes take), its scopes, and its membership as it is now.",
  })
  @ApiOkResponse({ type: CallerResponse })
  get(@CurrentPrincipal() principal: Principal): Promise<CallerResponse> {
    return this.queryBus.execute(new GetCallerQuery(principal));
  }
}
