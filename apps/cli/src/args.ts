/** Parsed command line: positionals, `--flag value` / `--flag=value` options and boolean switches. */
export interface Args {
  positionals: string[];
  options: Map<string, string>;
  switches: Set<string>;
}

export class UsageError extends Error {}

/** Parses argv against the switches (no value) and options (one value) a command accepts; anything else is a usage error. */
export function parseArgs(argv: readonly string[], accepted: { switches: readonly string[]; options: readonly string[] }): Args {
  const args: Args = { positionals: [], options: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--') {
      args.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.positionals.push(arg);
      continue;
    }
    const [name, inline] = arg === '-h' ? ['help', undefined] : splitOption(arg);
    if (accepted.switches.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      args.switches.add(name);
    } else if (accepted.options.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      args.options.set(name, value);
    } else {
      throw new UsageError(`unknown option ${arg.split('=')[0]}`);
    }
  }
  return args;
}

function splitOption(arg: string): [string, string | undefined] {
  const body = arg.replace(/^--?/, '');
  const equals = body.indexOf('=');
  return equals < 0 ? [body, undefined] : [body.slice(0, equals), body.slice(equals + 1)];
}
