import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RuntimeEvaluator, type RuntimeAnswer } from '../../services/runtime-evaluator.js';
import { RuntimeSubjects } from '../../services/runtime-subjects.js';
import { CheckAuthorizationQuery } from './check-authorization.query.js';

@QueryHandler(CheckAuthorizationQuery)
export class CheckAuthorizationHandler implements IQueryHandler<CheckAuthorizationQuery> {
  constructor(
    private readonly subjects: RuntimeSubjects,
    private readonly evaluator: RuntimeEvaluator,
  ) {}

  async execute({ principal, permissions, resource, membershipId }: CheckAuthorizationQuery): Promise<RuntimeAnswer> {
    return this.evaluator.answer(await this.subjects.resolve(principal, membershipId), permissions, resource);
  }
}
