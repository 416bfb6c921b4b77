/** Where a command writes and what it reads from its environment; a subprocess gets process's, tests their own. */
export interface Io {
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
}

/** Exit codes, documented in README and `--help`. */
export const EXIT = { ok: 0, rejected: 1, usage: 2 } as const;
