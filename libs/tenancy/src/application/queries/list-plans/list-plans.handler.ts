import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Plan, PLAN_NAMES, PLANS } from '../../../domain/plan/plan.js';
import { ListPlansQuery } from './list-plans.query.js';

@QueryHandler(ListPlansQuery)
export class ListPlansHandler implements IQueryHandler<ListPlansQuery> {
  async execute(): Promise<Plan[]> {
    return PLAN_NAMES.map((name) => ({ ...PLANS[name], quotas: { ...PLANS[name].quotas } }));
  }
}
