import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetMembershipQuery, type MembershipView } from '#tenancy';

/**
 * Live membership state for token minting, read once per OAuth request: the
 * account lookup and the access-token claims of one token request share it.
 */
@Injectable()
export class MembershipLookup {
  readonly #perRequest = new WeakMap<object, Map<string, Promise<MembershipView | null>>>();

  constructor(private readonly queryBus: QueryBus) {}

  find(request: object, membershipId: string): Promise<MembershipView | null> {
    let memo = this.#perRequest.get(request);
    if (!memo) this.#perRequest.set(request, (memo = new Map()));
    let membership = memo.get(membershipId);
    if (!membership) memo.set(membershipId, (membership = this.queryBus.execute(new GetMembershipQuery(membershipId))));
    return membership;
  }
}
