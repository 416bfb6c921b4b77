import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetMembershipQuery } from '#tenancy';
import { type MembershipState, MembershipStates } from '../../application/ports/runtime-state.js';

/** Live membership state from tenancy, whose membership cache every membership and organization change drops. */
@Injectable()
export class TenancyMembershipStates extends MembershipStates {
  constructor(private readonly queryBus: QueryBus) {
    super();
  }

  async find(membershipId: string): Promise<MembershipState | null> {
    const view = await this.queryBus.execute(new GetMembershipQuery(membershipId));
    return view && { membershipId: view.membershipId, tenantId: view.tenantId, organizationId: view.organizationId, status: view.status, permVer: view.permVer };
  }
}
