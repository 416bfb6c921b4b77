import { Query } from '@nestjs/cqrs';
import type { Plan } from '../../../domain/plan/plan.js';

export class ListPlansQuery extends Query<Plan[]> {}
