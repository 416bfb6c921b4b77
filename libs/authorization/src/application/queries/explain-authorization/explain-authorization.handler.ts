import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RuntimeEvaluator, type RuntimeAnswer } from '../../services/runtime-evaluator.js';
import { RuntimeSubjects } from '../../services/runtime-subjects.js';
import { ExplainAuthorizationQuery } from './explain-authorization.query.js';

/** The same evaluation as the check; the controller shows the derivation the check leaves out. */
@QueryHandler(ExplainAuthorizationQuery)
export class ExplainAuthorizationHandler implements IQueryHandler<ExplainAuthorizationQuery> {
  constructor(
    private readonly subjects: RuntimeSubjects,
    private readonly evaluator: RuntimeEvaluator,
  ) {}

  async execute({ principal, permissions, resource, membershipId }: ExplainAuthorizationQuery): Promise<RuntimeAnswer> {
    return this.evaluator.answer(await this.subjects.resolve(principal, membershipId), permissions, resource);
  }
}
