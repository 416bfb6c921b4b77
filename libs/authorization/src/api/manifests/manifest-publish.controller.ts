import { Body, Controller, Headers, HttpCode, HttpStatus, Param, Put, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { isDomainError } from '#kernel';
import { ProblemResponse } from '#platform';
import { PublishManifestCommand } from '../../application/commands/publish-manifest/publish-manifest.command.js';
import { MANIFEST_PUBLISH_SCOPE } from '../../application/services/publisher-credentials.js';
import type { PublishManifestResult } from '../../application/views.js';
import { featureManifestOpenApiSchema } from '../../domain/manifest/manifest-schema.js';
import { publisherCredentials } from './authorization-header.js';
import { PublishManifestParams } from './manifest.request.js';
import { PublishManifestResponse } from './publish-manifest.response.js';

const EXAMPLE = {
  features: [
    {
      key: 'reports.advanced',
      name: 'Advanced reports',
      description: 'Pivot tables and scheduled exports.',
      actions: [
        { key: 'view', description: 'Open the advanced reports.' },
        { key: 'export', description: 'Download as CSV or XLSX.' },
      ],
    },
  ],
};

@ApiTags('Feature manifests')
@Controller('api/runtime/applications')
export class ManifestPublishController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put(':applicationKey/manifest')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Publish the feature manifest of an application',
    description:
      'For ManifestPublisher clients of that application: a client-credentials token with scope `nexidentity.runtime_manifest_publish`, ' +
      'or the client id and secret as HTTP Basic (compatibility path; failed attempts are throttled). Idempotent: content equal to the ' +
      'active manifest once canonicalised (features and actions ordered by key) answers `changed: false` and the same version. Answers the ' +
      'diff against the active manifest. Removing a permission still used by a role, grant or resource policy is refused (409 listing them) unless `prune=true`.',
  })
  @ApiSecurity('oauth2', [MANIFEST_PUBLISH_SCOPE])
  @ApiSecurity('basic')
  @ApiBody({ schema: featureManifestOpenApiSchema(), examples: { manifest: { summary: 'One feature with two actions', value: EXAMPLE } } })
  @ApiOkResponse({ type: PublishManifestResponse, description: 'Published, unchanged, or (dryRun) what publishing would do.' })
  @ApiBadRequestResponse({ description: '`authorization.invalid_manifest`: `errors` lists each problem with its JSON path (`$.features[0].key`).', type: ProblemResponse })
  @ApiUnauthorizedResponse({ description: 'Missing, invalid or expired token, or unknown client or wrong secret.', type: ProblemResponse })
  @ApiForbiddenResponse({ description: 'Not a ManifestPublisher, lacking the publish scope, or not a publisher of this application.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`authorization.manifest_permissions_in_use`: `references` lists the roles, grants and policies using removed permissions; `authorization.application_disabled`: enable the application first.', type: ProblemResponse })
  @ApiTooManyRequestsResponse({ description: 'Too many failed Basic attempts from this address for this client; see Retry-After.', type: ProblemResponse })
  async publish(
    @Headers('authorization') authorization: string | undefined,
    @Param('applicationKey') applicationKey: string,
    @Query() params: PublishManifestParams,
    @Body() document: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PublishManifestResult> {
    const command = new PublishManifestCommand(
      publisherCredentials(authorization),
      applicationKey,
      document,
      params.dryRun === 'true' ? 'dry-run' : 'publish',
      params.prune === 'true' ? 'prune' : 'refuse',
      request.ip,
    );
    try {
      return await this.commandBus.execute(command);
    } catch (error) {
      if (isDomainError(error) && error.code === 'authorization.publisher_unauthenticated') {
        response.setHeader('WWW-Authenticate', ['Bearer realm="nexinid"', 'Basic realm="nexinid"']);
      }
      if (isDomainError(error) && error.code === 'authorization.publisher_throttled') response.setHeader('Retry-After', String(error.details.retryAfter));
      throw error;
    }
  }
}
