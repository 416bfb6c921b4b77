import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, ProblemResponse } from '#platform';
import { ListAuditEventsQuery } from '../application/queries/list-audit-events/list-audit-events.query.js';
import { ListAuditEventsRequest } from './audit-events.request.js';
import { AuditEventPageResponse } from './audit-events.response.js';

@ApiTags('Audit')
@Authenticated('nexidentity.api')
@Controller('api/organizations/:orgId/audit-events')
export class AuditEventsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: "List the organization's audit events", description: 'Newest first, with cursor pagination. Needs audit.read.' })
  @ApiOkResponse({ type: AuditEventPageResponse })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor.', type: ProblemResponse })
  @ApiNotFoundResponse({ description: 'No such organization in your tenant.', type: ProblemResponse })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('orgId', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) orgId: string,
    @Query() query: ListAuditEventsRequest,
  ): Promise<AuditEventPageResponse> {
    const { limit = 50, ...filter } = query;
    return this.queryBus.execute(new ListAuditEventsQuery(principal, orgId, { ...filter, limit }));
  }
}
