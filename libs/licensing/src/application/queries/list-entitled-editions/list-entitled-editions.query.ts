import { Query } from '@nestjs/cqrs';

/** Edition codes the membership holds an effective seat for (the coarse `entitled_editions` token hint). */
export class ListEntitledEditionsQuery extends Query<string[]> {
  constructor(
    readonly tenantId: string,
    readonly membershipId: string,
  ) {
    super();
  }
}
