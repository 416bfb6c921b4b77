import { Query } from '@nestjs/cqrs';

/** Which of the organizations installed a marketplace product of the application: their members may sign in to its interactive clients. */
export class FindInstalledOrganizationsQuery extends Query<string[]> {
  constructor(
    readonly applicationId: string,
    readonly organizationIds: readonly string[],
  ) {
    super();
  }
}
