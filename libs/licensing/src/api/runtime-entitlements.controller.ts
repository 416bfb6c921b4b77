import { Controller, Get, Headers, HttpStatus, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentPrincipal, type Principal } from '#platform';
import { GetEntitlementSnapshotQuery } from '../application/queries/get-entitlement-snapshot/get-entitlement-snapshot.query.js';
import { EntitlementSnapshotResponse } from './licensing.response.js';

/** A weak validator that also names the membership, so a token switch never matches another membership's snapshot. */
const etagOf = (membershipId: string, entVer: number) => `W/"${membershipId}:${entVer}"`;

@ApiTags('Runtime')
@Authenticated(['tenant_context', 'nexidentity.api'])
@Controller('api/runtime/entitlements')
export class RuntimeEntitlementsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('snapshot')
  @ApiOperation({
    summary: "The caller's entitlement snapshot",
    description:
      "Active entitlements of the token's membership (edition codes, feature keys, entitlement ids), read live. The ETag follows ent_ver: send it back as If-None-Match and get 304 until the entitlements or seats change.",
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of a cached snapshot.', example: 'W/"0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e70:4"' })
  @ApiOkResponse({ type: EntitlementSnapshotResponse, headers: { ETag: { description: 'Changes with ent_ver.', schema: { type: 'string' } } } })
  @ApiNotModifiedResponse({ description: 'The cached snapshot is current.' })
  async snapshot(
    @CurrentPrincipal() principal: Principal,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EntitlementSnapshotResponse | undefined> {
    const snapshot = await this.queryBus.execute(new GetEntitlementSnapshotQuery(principal));
    const etag = etagOf(snapshot.membershipId, snapshot.entVer);
    response.setHeader('ETag', etag);
    response.setHeader('Cache-Control', 'private, no-cache');
    const candidates = (ifNoneMatch ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (candidates.includes(etag.replace(/^W\//, '')) || candidates.includes('*')) {
      response.status(HttpStatus.NOT_MODIFIED);
      return undefined;
    }
    return snapshot;
  }
}
