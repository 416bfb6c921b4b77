import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, isUuid } from '#kernel';
import { LicenseReader } from '../../ports/license-reader.js';
import { ListEntitledEditionsQuery } from './list-entitled-editions.query.js';

@QueryHandler(ListEntitledEditionsQuery)
export class ListEntitledEditionsHandler implements IQueryHandler<ListEntitledEditionsQuery> {
  constructor(
    private readonly reader: LicenseReader,
    private readonly clock: Clock,
  ) {}

  async execute({ tenantId, membershipId }: ListEntitledEditionsQuery): Promise<string[]> {
    if (!isUuid(tenantId) || !isUuid(membershipId)) return [];
    const held = await this.reader.heldEntitlements(tenantId, membershipId, this.clock.now());
    return [...new Set(held.map((entitlement) => entitlement.editionCode))].sort();
  }
}
