import { ACTION_KEY_PATTERN, ACTION_KEY_RULE, FEATURE_KEY_PATTERN, FEATURE_KEY_RULE, MANIFEST_LIMITS } from './manifest-grammar.js';

const FEATURE_MANIFEST_SCHEMA_ID = 'https://nexinid.dev/schemas/feature-manifest.json';

/**
 * The JSON Schema (draft-07) of a feature manifest: the one source the API
 * serves, the server validates with and the CLI ships. It sticks to keywords
 * OpenAPI 3.0 also understands, so the request body schema is this object.
 * What JSON Schema cannot say (unique keys) is checked in manifest-validation.
 */
export const FEATURE_MANIFEST_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: FEATURE_MANIFEST_SCHEMA_ID,
  title: 'NexinID feature manifest',
  description:
    'The features an application offers and the actions of each. Feature keys are unique in the manifest, action keys unique in their feature. ' +
    `Feature key: ${FEATURE_KEY_RULE}. Action key: ${ACTION_KEY_RULE}.`,
  type: 'object',
  additionalProperties: false,
  required: ['features'],
  properties: {
    $schema: { type: 'string', description: 'Optional reference to this schema for editors; ignored.' },
    features: {
      type: 'array',
      maxItems: MANIFEST_LIMITS.features,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'name', 'actions'],
        properties: {
          key: { type: 'string', pattern: FEATURE_KEY_PATTERN, maxLength: MANIFEST_LIMITS.featureKeyLength, description: `Feature key: ${FEATURE_KEY_RULE}.`, example: 'reports.advanced' },
          name: { type: 'string', minLength: 1, maxLength: MANIFEST_LIMITS.nameLength, description: 'Display name.', example: 'Advanced reports' },
          description: { type: 'string', maxLength: MANIFEST_LIMITS.descriptionLength, example: 'Pivot tables and scheduled exports.' },
          actions: {
            type: 'array',
            minItems: 1,
            maxItems: MANIFEST_LIMITS.actionsPerFeature,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['key'],
              properties: {
                key: { type: 'string', pattern: ACTION_KEY_PATTERN, maxLength: MANIFEST_LIMITS.actionKeyLength, description: `Action key: ${ACTION_KEY_RULE}.`, example: 'view' },
                description: { type: 'string', maxLength: MANIFEST_LIMITS.descriptionLength, example: 'Open the advanced reports.' },
              },
            },
          },
        },
      },
    },
  },
} as const;

/** The schema as an OpenAPI 3.0 schema object (no `$schema`/`$id`). */
export function featureManifestOpenApiSchema(): Record<string, unknown> {
  const { $schema: _schema, $id: _id, ...rest } = JSON.parse(JSON.stringify(FEATURE_MANIFEST_SCHEMA)) as Record<string, unknown>;
  return rest;
}
