import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';

export class DeleteResourcePolicyCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly policyId: string,
  ) {
    super();
  }
}
