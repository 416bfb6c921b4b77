import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { renderOpenApi } from './render-openapi.js';

const FILE = 'openapi.yaml';

/** `npm run openapi` writes openapi.yaml; `-- --check` fails when the committed file is stale. */
async function main(): Promise<void> {
  const rendered = await renderOpenApi();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(FILE, 'utf8');
    if (committed !== rendered) {
      process.stderr.write(`${FILE} is stale: run \`npm run openapi\` and commit the result.\n`);
      process.exit(1);
    }
    process.stdout.write(`${FILE} is up to date.\n`);
    return;
  }
  writeFileSync(FILE, rendered);
  process.stdout.write(`wrote ${FILE}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
