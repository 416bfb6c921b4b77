import { FEATURE_MANIFEST_SCHEMA } from '../../../libs/authorization/src/domain/manifest/index.js';
import { parseArgs, UsageError } from './args.js';
import { SCHEMA_HELP } from './help.js';
import { EXIT, type Io } from './io.js';

export function schemaCommand(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, { switches: ['help'], options: [] });
  if (args.switches.has('help')) {
    io.out(SCHEMA_HELP);
    return EXIT.ok;
  }
  if (args.positionals.length > 0) throw new UsageError('manifest schema takes no arguments');
  io.out(JSON.stringify(FEATURE_MANIFEST_SCHEMA, null, 2));
  return EXIT.ok;
}
