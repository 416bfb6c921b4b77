import { ApiProperty } from '@nestjs/swagger';
import { PLAN_NAMES } from '../../domain/plan/plan.js';

export class QuotasResponse {
  @ApiProperty({ example: 3, description: 'Organizations per tenant, the first one included (Developer: 1).' })
  maxOrganizations!: number;

  @ApiProperty({ example: 10, description: 'Applications per tenant.' })
  maxApplications!: number;

  @ApiProperty({ example: 3, description: 'Environments per application (Developer: 1).' })
  maxEnvironments!: number;

  @ApiProperty({ example: 25, description: 'Memberships per organization that are not removed.' })
  maxMembers!: number;

  @ApiProperty({ example: 10, description: 'OAuth clients per application.' })
  maxClientsPerApplication!: number;
}

export class PlanResponse {
  @ApiProperty({ enum: PLAN_NAMES, example: 'Team' })
  name!: string;

  @ApiProperty({ example: 'A product team: development, staging and production per application.' })
  description!: string;

  @ApiProperty({ type: QuotasResponse })
  quotas!: QuotasResponse;
}

export class PlanListResponse {
  @ApiProperty({ type: [PlanResponse] })
  items!: PlanResponse[];
}
