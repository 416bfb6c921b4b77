import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '#kernel';
import { Authenticated, CurrentPrincipal, pageOf, type Principal, ProblemResponse } from '#platform';
import { GetManifestQuery } from '../../application/queries/get-manifest/get-manifest.query.js';
import { ListManifestsQuery } from '../../application/queries/list-manifests/list-manifests.query.js';
import { ManifestPageRequest } from './manifest.request.js';
import { ManifestListResponse, ManifestVersionResponse } from './manifest.response.js';

const VERSION = /^[1-9][0-9]{0,8}$/;

@ApiTags('Feature manifests')
@ApiNotFoundResponse({ description: 'No such application in your organization, or no such manifest version.', type: ProblemResponse })
@Authenticated('nexidentity.api')
@Controller('api/applications/:applicationId/manifests')
export class ManifestsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'List the manifest versions of an application', description: 'Requires authorization.read. Newest first, cursor-paginated.' })
  @ApiOkResponse({ type: ManifestListResponse })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor.', type: ProblemResponse })
  list(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string, @Query() query: ManifestPageRequest): Promise<ManifestListResponse> {
    const { limit, cursor } = pageOf(query);
    return this.queryBus.execute(new ListManifestsQuery(principal, applicationId, { limit, before: cursor ? Number(cursor) : undefined }));
  }

  @Get('active')
  @ApiOperation({ summary: 'Get the active manifest of an application', description: 'Requires authorization.read. 404 `authorization.manifest_not_found` before the first publish.' })
  @ApiOkResponse({ type: ManifestVersionResponse })
  active(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string): Promise<ManifestVersionResponse> {
    return this.queryBus.execute(new GetManifestQuery(principal, applicationId, 'active'));
  }

  @Get(':version')
  @ApiOperation({ summary: 'Get one manifest version', description: 'Requires authorization.read.' })
  @ApiOkResponse({ type: ManifestVersionResponse })
  version(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string, @Param('version') version: string): Promise<ManifestVersionResponse> {
    if (!VERSION.test(version)) throw new DomainError('authorization.manifest_not_found', `No manifest version ${version.slice(0, 20)}.`);
    return this.queryBus.execute(new GetManifestQuery(principal, applicationId, Number(version)));
  }
}
