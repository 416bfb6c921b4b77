import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBody, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentPrincipal, HotRoute, type Principal, ProblemResponse } from '#platform';
import { CheckAuthorizationQuery } from '../../application/queries/check-authorization/check-authorization.query.js';
import { CheckScopedQuery } from '../../application/queries/check-scoped/check-scoped.query.js';
import { ExplainAuthorizationQuery } from '../../application/queries/explain-authorization/explain-authorization.query.js';
import { GetAuthorizationSnapshotQuery } from '../../application/queries/get-authorization-snapshot/get-authorization-snapshot.query.js';
import type { RuntimeAnswer } from '../../application/services/runtime-evaluator.js';
import { RUNTIME_AUTHORIZATION_SCOPE } from '../../application/services/runtime-subjects.js';
import { type CheckRequest, CheckRequestPipe } from './check-request.pipe.js';
import { type CheckScopedRequestBody, CheckScopedRequestPipe } from './check-scoped-request.pipe.js';
import { CheckAuthorizationRequest, CheckScopedRequest, MAX_CHECK_PERMISSIONS, SnapshotRequest } from './runtime-authorization.request.js';
import { AuthorizationSnapshotResponse, CheckAuthorizationResponse, CheckScopedResponse, ExplainAuthorizationResponse } from './runtime-authorization.response.js';
import { etagOf, matchesEtag } from './etag.js';

const isStale = ({ tokenPermVer, permVer }: { tokenPermVer: number | null; permVer: number }) => tokenPermVer !== null && tokenPermVer !== permVer;

const versions = (answer: RuntimeAnswer) => ({
  membershipId: answer.membershipId,
  applicationId: answer.applicationId,
  permVer: answer.permVer,
  tokenPermVer: answer.tokenPermVer,
  stale: isStale(answer),
});

/** The check's answer as both check routes give it. */
const checked = (answer: RuntimeAnswer): CheckAuthorizationResponse => ({
  ...versions(answer),
  grantedAny: answer.grantedAny,
  grantedAll: answer.grantedAll,
  results: answer.results.map(({ featureKey, actionKey, granted, reason }) => ({ featureKey, actionKey, granted, reason })),
  manifestVersion: answer.manifestVersion,
});

const ON_BEHALF = `A user asks about its own membership; a service token with ${RUNTIME_AUTHORIZATION_SCOPE} names a membership of its own tenant (\`membershipId\`).`;

@ApiTags('Runtime authorization')
@ApiNotFoundResponse({ description: '`authorization.membership_not_found`: no such membership in the token’s tenant.', type: ProblemResponse })
@Authenticated(['nexidentity.api', RUNTIME_AUTHORIZATION_SCOPE])
@Controller('api/runtime/authorization')
export class RuntimeAuthorizationController {
  constructor(private readonly queryBus: QueryBus) {}

  @Post('check')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Check permissions (the authoritative runtime check)',
    description: `Evaluates against the application that owns the token’s client, at the membership’s live perm_ver. ${ON_BEHALF} At most ${MAX_CHECK_PERMISSIONS} permissions per call.`,
  })
  @ApiBody({ type: CheckAuthorizationRequest })
  @ApiOkResponse({ type: CheckAuthorizationResponse })
  @ApiBadRequestResponse({ description: 'Invalid body, more than 100 permissions, or `authorization.membership_required`.', type: ProblemResponse })
  @HotRoute(CheckRequestPipe)
  async check(principal: Principal, body: CheckRequest): Promise<CheckAuthorizationResponse> {
    return checked(await this.queryBus.execute(new CheckAuthorizationQuery(principal, body.permissions, body.resource, body.membershipId)));
  }

  @Post('check-scoped')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Check a licensed feature: RBAC ∩ entitlement',
    description: `The feature is available only when \`grantedAny\` (the membership may: the check above) and \`featureLicenseSatisfied\` (it holds a seat on an active, currently valid entitlement whose edition unlocks \`licensedFeatureKey\`) are both true; \`available\` says so. Both halves are read live: a seat revoked now is refused on the next call, whatever the token says. The legacy form names an \`entitlementId\` instead. ${ON_BEHALF}`,
  })
  @ApiBody({ type: CheckScopedRequest })
  @ApiOkResponse({ type: CheckScopedResponse })
  @ApiBadRequestResponse({ description: 'Invalid body, neither or both of licensedFeatureKey and entitlementId, or more than 100 permissions.', type: ProblemResponse })
  @HotRoute(CheckScopedRequestPipe)
  async checkScoped(principal: Principal, body: CheckScopedRequestBody): Promise<CheckScopedResponse> {
    const answer = await this.queryBus.execute(new CheckScopedQuery(principal, body.permissions, body.resource, body.membershipId, body.target));
    return {
      ...checked(answer),
      licensedFeatureKey: 'licensedFeatureKey' in body.target ? body.target.licensedFeatureKey : null,
      featureLicenseSatisfied: answer.license.satisfied,
      licenseReason: answer.license.reason,
      editionCodes: answer.license.editionCodes,
      available: answer.grantedAny && answer.license.satisfied,
    };
  }

  @Post('explain')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Explain a check',
    description: `The check’s question, answered with how each decision was derived: the roles (direct or through groups) and grants that hold each permission, the resource policies considered, and one denial reason. ${ON_BEHALF}`,
  })
  @ApiBody({ type: CheckAuthorizationRequest })
  @ApiOkResponse({ type: ExplainAuthorizationResponse })
  @ApiBadRequestResponse({ description: 'Invalid body or more than 100 permissions.', type: ProblemResponse })
  async explain(@CurrentPrincipal() principal: Principal, @Body(CheckRequestPipe) body: CheckRequest): Promise<ExplainAuthorizationResponse> {
    const answer = await this.queryBus.execute(new ExplainAuthorizationQuery(principal, body.permissions, body.resource, body.membershipId));
    return {
      ...versions(answer),
      grantedAny: answer.grantedAny,
      grantedAll: answer.grantedAll,
      results: answer.results.map((result) => ({ ...result, grantedBy: [...result.grantedBy], policies: [...result.policies] })),
      manifestVersion: answer.manifestVersion,
    };
  }

  @Get('snapshot')
  @ApiOperation({
    summary: 'The caller’s effective permissions',
    description: `For caching by clients: the ETag is the membership’s perm_ver, so \`If-None-Match\` with the last ETag answers 304 until something changes. ${ON_BEHALF}`,
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of a cached snapshot.', example: '"7"' })
  @ApiOkResponse({ type: AuthorizationSnapshotResponse, headers: { ETag: { description: 'perm_ver, quoted', schema: { type: 'string', example: '"7"' } } } })
  @ApiResponse({ status: HttpStatus.NOT_MODIFIED, description: 'The cached snapshot is current.' })
  @ApiBadRequestResponse({ description: 'Invalid membershipId.', type: ProblemResponse })
  async snapshot(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SnapshotRequest,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthorizationSnapshotResponse | undefined> {
    const snapshot = await this.queryBus.execute(new GetAuthorizationSnapshotQuery(principal, query.membershipId));
    const etag = etagOf(snapshot.permVer, snapshot.membershipStatus);
    response.setHeader('ETag', etag);
    response.setHeader('Cache-Control', 'private, no-cache');
    if (matchesEtag(ifNoneMatch, etag)) {
      response.status(HttpStatus.NOT_MODIFIED);
      return undefined;
    }
    return { ...snapshot, stale: isStale(snapshot) };
  }
}
