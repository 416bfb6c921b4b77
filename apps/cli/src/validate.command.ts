import { parseArgs, UsageError } from './args.js';
import { VALIDATE_HELP } from './help.js';
import { EXIT, type Io } from './io.js';
import { loadManifest } from './manifest-file.js';

export async function validateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { switches: ['help'], options: [] });
  if (args.switches.has('help')) {
    io.out(VALIDATE_HELP);
    return EXIT.ok;
  }
  if (args.positionals.length !== 1) throw new UsageError('expected one FILE');
  const [file] = args.positionals;
  const loaded = await loadManifest(file);
  if (!loaded.valid) {
    loaded.problems.forEach((problem) => io.err(problem));
    io.err(`${file}: invalid (${loaded.problems.length} error${loaded.problems.length === 1 ? '' : 's'})`);
    return EXIT.rejected;
  }
  const permissions = loaded.document.features.reduce((sum, feature) => sum + feature.actions.length, 0);
  io.out(`${file}: valid (${loaded.document.features.length} features, ${permissions} permissions)`);
  return EXIT.ok;
}
