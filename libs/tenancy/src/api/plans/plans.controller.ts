import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListPlansQuery } from '../../application/queries/list-plans/list-plans.query.js';
import { PlanListResponse } from './plan.response.js';

@ApiTags('Plans')
@Controller('api/plans')
export class PlansController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'List plans and their quotas', description: 'Public.' })
  @ApiOkResponse({ type: PlanListResponse })
  async list(): Promise<PlanListResponse> {
    return { items: await this.queryBus.execute(new ListPlansQuery()) };
  }
}
