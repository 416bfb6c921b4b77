import { readFile } from 'node:fs/promises';
import { type FeatureManifestDocument, validateManifest } from '../../../libs/authorization/src/domain/manifest/index.js';
import { UsageError } from './args.js';
import { sourceLocator, syntaxErrorOf } from './source-locations.js';

export type LoadedManifest = { valid: true; document: FeatureManifestDocument; text: string } | { valid: false; problems: string[] };

/** Segments of a JSON path as the server and validateManifest write them (`$.features[0]["odd key"]`). */
export function segmentsOf(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  const pattern = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const match of path.slice(1).matchAll(pattern)) {
    segments.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : (JSON.parse(match[3]) as string)));
  }
  return segments;
}

/** An error of the file located by line and column when possible: `manifest.json:12:7: $.features[0].key must be ...`. */
export function describeError(file: string, text: string, error: { path: string; message: string }): string {
  const location = sourceLocator(text)(segmentsOf(error.path));
  return `${file}${location ? `:${location.line}:${location.column}` : ''}: ${error.path} ${error.message}`;
}

/** Reads and validates a manifest file offline, with the same rules as the server. */
export async function loadManifest(file: string): Promise<LoadedManifest> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const syntax = syntaxErrorOf(text);
    const where = syntax ? `:${syntax.location.line}:${syntax.location.column}` : '';
    return { valid: false, problems: [`${file}${where}: invalid JSON (${syntax?.message ?? (error as Error).message})`] };
  }
  const result = validateManifest(input);
  if (!result.valid) {
    return { valid: false, problems: result.errors.map((error) => describeError(file, text, error)) };
  }
  return { valid: true, document: result.document, text };
}
