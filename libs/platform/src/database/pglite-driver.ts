import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import type { PGlite } from '@electric-sql/pglite';
import { SerialLock } from './serial-lock.js';

type QueryCallback = (error: unknown, result: unknown) => void;
type ConnectCallback = (error: unknown, client: unknown, release: () => void) => void;

/** TypeORM binds booleans as JavaScript values or as 'true'/1; PGlite's own serializer takes only the first. */
const bool = (value: unknown): string => (value === true || value === 'true' || value === 1 ? 'TRUE' : value === false || value === 'false' || value === 0 ? 'FALSE' : String(value));

/**
 * PostgreSQL's shared buffers live in PGlite's WebAssembly memory, which is
 * never handed back once touched: the default 128 MB cost about 100 MB of
 * resident memory more than 32 MB, and 16 MB about 16 MB less again
 * (docs/performance.md, Memory). An embedded database is small.
 */
const SHARED_BUFFERS = ['-c', 'shared_buffers=16MB'];

/**
 * V8 compiles WebAssembly with its baseline compiler (Liftoff) and recompiles
 * hot functions with its optimizing one (TurboFan). For PGlite's PostgreSQL
 * that recompiling took ~300 MB of native memory for a while after start-up
 * and left ~90 MB resident for good; without it the embedded database is
 * about a fifth slower (docs/performance.md, Memory). Set just before PGlite
 * is loaded, so only its module is compiled so; NexinID has no other
 * WebAssembly. (`--liftoff-only` would refuse, rather than optimize, a
 * function Liftoff cannot compile, and set at run time it does not stop the
 * recompiling.)
 */
function compileWebAssemblyWithBaselineOnly(): void {
  v8.setFlagsFromString('--no-wasm-dynamic-tiering --no-wasm-tier-up');
}

const INITIALIZE = 'const { PGlite } = await import(process.argv[1]); await (await PGlite.create({ dataDir: process.argv[2] })).close();';

/**
 * Creates a new data folder (PostgreSQL's initdb) in a short-lived child
 * process: done in this one, initdb leaves about 150 MB of C heap behind that
 * is never returned to the system. If the child cannot run (or takes more
 * than two minutes), PGlite creates the folder in this process as it
 * otherwise would.
 */
export async function createFolderApart(dataDir: string): Promise<void> {
  if (dataDir.startsWith('memory://') || existsSync(join(dataDir, 'PG_VERSION'))) return;
  const module = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  await new Promise<void>((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', INITIALIZE, module, dataDir], { stdio: 'ignore', timeout: 120_000 });
    child.once('error', () => resolve());
    child.once('exit', () => resolve());
  });
}

/**
 * What TypeORM's PostgreSQL driver needs from `pg` (a Pool), over one PGlite
 * database that belongs to this data source alone. PGlite is a single
 * connection, so the "pool" holds one at a time: a query runner owns the
 * session from connect until release, and two transactions never share one
 * BEGIN. Ending the pool closes the database, and with it PGlite's timers.
 */
export function serialPgliteDriver(dataDir: string): unknown {
  let database: Promise<PGlite> | undefined;
  const open = () =>
    (database ??= createFolderApart(dataDir).then(async () => {
      // Loaded only here: on PostgreSQL the process never holds PGlite.
      compileWebAssemblyWithBaselineOnly();
      const { PGlite, types } = await import('@electric-sql/pglite');
      return PGlite.create({ dataDir, serializers: { [types.BOOL]: bool }, startParams: [...PGlite.defaultStartParams, ...SHARED_BUFFERS] });
    }));
  const lock = new SerialLock(15_000);

  class SerialPglitePool extends EventEmitter {
    async connect(callback: ConnectCallback): Promise<void> {
      let release: () => void;
      try {
        release = await lock.acquire();
      } catch (error) {
        callback(error, null, () => undefined);
        return;
      }
      try {
        await open();
      } catch (error) {
        release();
        callback(error, null, () => undefined);
        return;
      }
      callback(null, this, release);
    }

    /** With parameters one statement; without, a script (migrations), answered by its last statement's result. */
    async query(sql: string, parameters?: unknown[] | QueryCallback, callback?: QueryCallback): Promise<unknown> {
      const done = typeof parameters === 'function' ? parameters : callback;
      const values = Array.isArray(parameters) ? parameters : [];
      try {
        const pglite = await open();
        const result = values.length ? await pglite.query(sql, values) : ((await pglite.exec(sql)).at(-1) ?? { rows: [] });
        done?.(null, result);
        return result;
      } catch (error) {
        done?.(error, null);
        throw error;
      }
    }

    end(callback?: (error: unknown) => void): void {
      const closing = database;
      database = undefined;
      void (closing ? closing.then((pglite) => pglite.close()) : Promise.resolve()).then(
        () => callback?.(null),
        (error: unknown) => callback?.(error),
      );
    }
  }
  return { Pool: SerialPglitePool };
}
