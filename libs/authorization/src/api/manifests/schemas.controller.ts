import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FEATURE_MANIFEST_SCHEMA } from '../../domain/manifest/manifest-schema.js';

@ApiTags('Feature manifests')
@Controller('api/schemas')
export class SchemasController {
  @Get('feature-manifest')
  @Header('Content-Type', 'application/schema+json')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiProduces('application/schema+json')
  @ApiOperation({ summary: 'The JSON Schema of feature manifests', description: 'Public. The same schema the server validates with and `nexinid manifest schema` prints, for offline validation in pipelines.' })
  @ApiOkResponse({
    description: 'A JSON Schema (draft-07) document.',
    content: { 'application/schema+json': { schema: { type: 'object', additionalProperties: true }, example: { $schema: FEATURE_MANIFEST_SCHEMA.$schema, $id: FEATURE_MANIFEST_SCHEMA.$id, title: FEATURE_MANIFEST_SCHEMA.title, type: 'object' } } },
  })
  schema(): typeof FEATURE_MANIFEST_SCHEMA {
    return FEATURE_MANIFEST_SCHEMA;
  }
}
