#!/usr/bin/env node
// `nexinid` from a checkout: build dist/ when sources changed (as `npm start` does), then run the compiled CLI.
// Plain ESM with no dependencies, so it starts on any Node >= 20.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
try {
  // The build's own output goes to stderr so that stdout stays the command's (`nexinid manifest schema > schema.json`).
  execFileSync(process.execPath, [join(root, 'scripts', 'build-if-needed.mjs')], { cwd: root, stdio: ['ignore', 2, 2] });
} catch {
  process.stderr.write('nexinid: building the CLI failed (see above)\n');
  process.exit(2);
}
const { main } = await import(pathToFileURL(join(root, 'dist', 'apps', 'cli', 'src', 'main.js')).href);
process.exitCode = await main(process.argv.slice(2));
