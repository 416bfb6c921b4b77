import { UsageError } from './args.js';
import { MAIN_HELP, MANIFEST_HELP } from './help.js';
import { EXIT, type Io } from './io.js';
import { NetworkError } from './publish-client.js';
import { publishCommand } from './publish.command.js';
import { schemaCommand } from './schema.command.js';
import { validateCommand } from './validate.command.js';

const processIo: Io = {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === '--help' || group === '-h' || group === 'help') {
    io.out(MAIN_HELP);
    return EXIT.ok;
  }
  if (group === undefined) {
    io.err(MAIN_HELP);
    throw new UsageError('a command is required');
  }
  if (group !== 'manifest') throw new UsageError(`unknown command ${group}`);
  switch (command) {
    case 'validate':
      return validateCommand(rest, io);
    case 'publish':
      return publishCommand(rest, io);
    case 'schema':
      return schemaCommand(rest, io);
    case '--help':
    case '-h':
      io.out(MANIFEST_HELP);
      return EXIT.ok;
    default:
      io.err(MANIFEST_HELP);
      throw new UsageError(command === undefined ? 'manifest needs a command' : `unknown command manifest ${command}`);
  }
}

/** Runs `nexinid ARGV` and answers its exit code (0 ok, 1 rejected, 2 usage or network error). */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`nexinid: ${error.message} (see --help)`);
      return EXIT.usage;
    }
    if (error instanceof NetworkError) {
      io.err(`nexinid: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}
