import { Ajv, type ErrorObject } from 'ajv';
import type { FeatureManifestDocument } from './feature-manifest.js';
import { ACTION_KEY_RULE, FEATURE_KEY_RULE } from './manifest-grammar.js';
import { FEATURE_MANIFEST_SCHEMA } from './manifest-schema.js';

/** One problem of a manifest, located by a JSON path (`$.features[2].actions[0].key`) and its segments. */
export interface ManifestError {
  path: string;
  segments: Array<string | number>;
  message: string;
}

export type ManifestValidation = { valid: true; document: FeatureManifestDocument } | { valid: false; errors: ManifestError[] };

const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addVocabulary(['example']);
const validateSchema = ajv.compile(FEATURE_MANIFEST_SCHEMA);

function jsonPath(segments: ReadonlyArray<string | number>): string {
  return segments.reduce<string>(
    (path, segment) => (typeof segment === 'number' ? `${path}[${segment}]` : /^[A-Za-z_$][\w$]*$/.test(segment) ? `${path}.${segment}` : `${path}[${JSON.stringify(segment)}]`),
    '$',
  );
}

function segmentsOf(instancePath: string): Array<string | number> {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

function toError(error: ErrorObject): ManifestError {
  const segments = segmentsOf(error.instancePath);
  const at = (extra: string, message: string): ManifestError => {
    const full = [...segments, extra];
    return { path: jsonPath(full), segments: full, message };
  };
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return at(String(params.missingProperty), 'is required');
    case 'additionalProperties':
      return at(String(params.additionalProperty), 'is not a known field');
    case 'pattern': {
      const rule = segments.includes('actions') ? ACTION_KEY_RULE : FEATURE_KEY_RULE;
      return { path: jsonPath(segments), segments, message: `must be ${rule}` };
    }
    default:
      return { path: jsonPath(segments), segments, message: error.message ?? 'is invalid' };
  }
}

/** Rules JSON Schema cannot express: feature keys unique in the manifest, action keys unique in their feature. */
function uniquenessErrors(document: FeatureManifestDocument): ManifestError[] {
  const errors: ManifestError[] = [];
  const duplicate = (segments: Array<string | number>, what: string, key: string, first: Array<string | number>) =>
    errors.push({ path: jsonPath(segments), segments, message: `duplicate ${what} "${key}" (first at ${jsonPath(first)})` });
  const features = new Map<string, number>();
  document.features.forEach((feature, f) => {
    const seen = features.get(feature.key);
    if (seen === undefined) features.set(feature.key, f);
    else duplicate(['features', f, 'key'], 'feature key', feature.key, ['features', seen, 'key']);
    const actions = new Map<string, number>();
    feature.actions.forEach((action, a) => {
      const first = actions.get(action.key);
      if (first === undefined) actions.set(action.key, a);
      else duplicate(['features', f, 'actions', a, 'key'], 'action key', action.key, ['features', f, 'actions', first, 'key']);
    });
  });
  return errors;
}

/** Validates a parsed manifest against the schema and the uniqueness rules; every error, in document order. */
export function validateManifest(input: unknown): ManifestValidation {
  if (!validateSchema(input)) {
    const errors = (validateSchema.errors ?? []).map(toError);
    return { valid: false, errors: dedupe(errors) };
  }
  const document = input as unknown as FeatureManifestDocument;
  const errors = uniquenessErrors(document);
  return errors.length > 0 ? { valid: false, errors } : { valid: true, document };
}

function dedupe(errors: ManifestError[]): ManifestError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
